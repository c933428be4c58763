// The topics remuneration reads and writes, from the one contract module (@kinerja/proto/topics).
import { topics } from '@kinerja/proto';

export const TPP_TOPIC = topics.remunerationTpp;

export interface InputTopics {
  employee: string;
  rating: string;
  recap: string;
}

export const inputTopics: InputTopics = { employee: topics.personnelEmployee, rating: topics.performanceRating, recap: topics.attendanceRecap };
