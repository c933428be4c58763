import { Migration0001Schema } from './Migration0001Schema.ts';
import { Migration0002Evaluations } from './Migration0002Evaluations.ts';
import { Migration0003Calibration } from './Migration0003Calibration.ts';
import { Migration0004OrgGoals } from './Migration0004OrgGoals.ts';
import { Migration0005TalentPotential } from './Migration0005TalentPotential.ts';
import { Migration0006TopOfChain } from './Migration0006TopOfChain.ts';
import { Migration0007MultiRater } from './Migration0007MultiRater.ts';
import { Migration0008PublicFeedback } from './Migration0008PublicFeedback.ts';
import { Migration0009AuditTrail } from './Migration0009AuditTrail.ts';
import { Migration0010PublicFeedbackClientKey } from './Migration0010PublicFeedbackClientKey.ts';

// Listed explicitly (not discovered from files) so they load under Node's type stripping; names are
// stable so a renamed class never re-runs a migration.
export const migrations = [
  { name: 'Migration0001Schema', class: Migration0001Schema },
  { name: 'Migration0002Evaluations', class: Migration0002Evaluations },
  { name: 'Migration0003Calibration', class: Migration0003Calibration },
  { name: 'Migration0004OrgGoals', class: Migration0004OrgGoals },
  { name: 'Migration0005TalentPotential', class: Migration0005TalentPotential },
  { name: 'Migration0006TopOfChain', class: Migration0006TopOfChain },
  { name: 'Migration0007MultiRater', class: Migration0007MultiRater },
  { name: 'Migration0008PublicFeedback', class: Migration0008PublicFeedback },
  { name: 'Migration0009AuditTrail', class: Migration0009AuditTrail },
  { name: 'Migration0010PublicFeedbackClientKey', class: Migration0010PublicFeedbackClientKey },
];
