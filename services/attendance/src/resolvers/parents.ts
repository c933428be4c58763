// Parent shapes of the schema's types (codegen mappers): what each field resolver receives.
import type { CaptureRow, DayStatusRow } from '../repositories/capture-rows.ts';

/** An Employee reference from the gateway: attendance owns no other field of it. */
export interface EmployeeParent {
  id: string;
}

export interface DayParent extends Omit<DayStatusRow, 'employeeId'> {
  employeeId: string;
  captures: CaptureRow[];
}

export interface MonthParent {
  employeeId: string;
  month: string;
  days: DayParent[];
}

export interface RegionParent {
  code: string;
}

export interface OrgUnitParent {
  id: string;
}
