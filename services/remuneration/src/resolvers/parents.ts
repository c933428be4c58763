// Parents of the entity types this subgraph extends: the key fields the gateway sends.
export interface EmployeeParent {
  id: string;
}
export interface RegionParent {
  code: string;
}
export interface OrgUnitParent {
  id: string;
}
