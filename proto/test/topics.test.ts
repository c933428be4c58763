// Topic names are part of the wire contract, like field numbers: renaming one strands every consumer
// group and read model built on the old name, so the names are pinned here and a rename fails.
import { describe, expect, it } from 'vitest';
import { allTopics, deadLetterTopic, topics } from '../src/topics.ts';

describe('topic names', () => {
  it('pins the topics of the five subgraphs (docs/conventions.md "Events")', () => {
    expect(topics).toEqual({
      personnelEmployee: 'personnel.employee.v1',
      competencyAssessment: 'competency.assessment.v1',
      performanceRating: 'performance.rating.v1',
      attendanceCheckin: 'attendance.checkin.v1',
      attendanceRecap: 'attendance.recap.v1',
      remunerationTpp: 'remuneration.tpp.v1',
    });
  });

  it('follows <service>.<aggregate>.v<major>, each named once', () => {
    for (const topic of allTopics) expect(topic).toMatch(/^[a-z]+\.[a-z-]+\.v\d+$/);
    expect(new Set(allTopics).size).toBe(allTopics.length);
  });

  it('puts the dead-letter topic beside its topic', () => {
    expect(deadLetterTopic(topics.personnelEmployee)).toBe('personnel.employee.v1.dlq');
  });
});
