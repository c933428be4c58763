import type { RequestContext } from '@kinerja/kit/server';
import { employeeVisibility, type EmployeeVisibility } from '../domain/visibility.ts';

export interface PersonnelContext extends RequestContext {
  visibility: EmployeeVisibility;
}

export function personnelContext(base: RequestContext): { visibility: EmployeeVisibility } {
  return { visibility: employeeVisibility(base.viewer) };
}
