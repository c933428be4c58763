import { gql } from '@urql/core';

export interface AttendanceDayView {
  date: string;
  status: string;
  codes: string[];
  lateMinutes: number;
  earlyMinutes: number;
  reason: string;
  provisional: boolean;
  firstIn: string | null;
  lastOut: string | null;
}

/** What the Presensi page shows of a day: the status and why. */
export type TodayView = Pick<AttendanceDayView, 'date' | 'status' | 'reason' | 'provisional'>;

export interface CodeCount {
  code: string;
  count: number;
}

export interface GeofenceView {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  radiusMeters: number;
}

export interface CheckInPageData {
  me: {
    id: string;
    attendanceOffice: { id: string; name: string; timeZone: string; geofences: GeofenceView[] } | null;
    attendanceToday: TodayView | null;
  } | null;
}

export const checkInPageQuery = gql<CheckInPageData, Record<string, never>>`
  query PresensiSaya {
    me {
      id
      attendanceOffice {
        id
        name
        timeZone
        geofences {
          id
          name
          latitude
          longitude
          radiusMeters
        }
      }
      attendanceToday {
        date
        status
        reason
        provisional
      }
    }
  }
`;

export interface CheckInData {
  checkIn: {
    distanceMeters: number;
    geofence: string;
    capture: { id: string; capturedAt: string; kind: string; source: string };
    day: TodayView;
  };
}

export interface CheckInVariables {
  input: { kind: 'IN' | 'OUT'; latitude: number; longitude: number; accuracyMeters: number; clientTime: string };
}

export const checkInMutation = gql<CheckInData, CheckInVariables>`
  mutation Presensi($input: CheckInInput!) {
    checkIn(input: $input) {
      distanceMeters
      geofence
      capture {
        id
        capturedAt
        kind
        source
      }
      day {
        date
        status
        reason
        provisional
      }
    }
  }
`;

export interface MyAttendanceData {
  me: {
    id: string;
    attendance: { month: string; days: AttendanceDayView[]; counts: CodeCount[] } | null;
    attendanceRecaps: { version: number; closedAt: string }[];
  } | null;
}

export const myAttendanceQuery = gql<MyAttendanceData, { month: string }>`
  query KehadiranSaya($month: String!) {
    me {
      id
      attendance(month: $month) {
        month
        days {
          date
          status
          codes
          lateMinutes
          earlyMinutes
          reason
          provisional
          firstIn
          lastOut
        }
        counts {
          code
          count
        }
      }
      attendanceRecaps(month: $month) {
        version
        closedAt
      }
    }
  }
`;

export interface AbsenceRequestView {
  id: string;
  type: string;
  from: string;
  to: string;
  reason: string;
  documentRef: string | null;
  state: string;
  filedOn: string;
  expiresOn: string;
  decisionNote: string | null;
}

export interface MyAbsencesData {
  me: { id: string; absenceRequests: AbsenceRequestView[] } | null;
}

export const myAbsencesQuery = gql<MyAbsencesData, { month: string }>`
  query CutiSaya($month: String!) {
    me {
      id
      absenceRequests(month: $month) {
        id
        type
        from
        to
        reason
        documentRef
        state
        filedOn
        expiresOn
        decisionNote
      }
    }
  }
`;

export interface RequestAbsenceVariables {
  input: { type: string; from: string; to: string; reason: string; documentRef: string | null };
}

export const requestAbsenceMutation = gql<{ requestAbsence: Pick<AbsenceRequestView, 'id' | 'from' | 'state'> }, RequestAbsenceVariables>`
  mutation AjukanCuti($input: RequestAbsenceInput!) {
    requestAbsence(input: $input) {
      id
      from
      state
    }
  }
`;

export interface PendingApproval extends Omit<AbsenceRequestView, 'decisionNote'> {
  employee: { id: string; nip: string; name: string };
}

export const pendingApprovalsQuery = gql<{ pendingAbsenceApprovals: PendingApproval[] }, Record<string, never>>`
  query PersetujuanCuti {
    pendingAbsenceApprovals {
      id
      type
      from
      to
      reason
      documentRef
      state
      filedOn
      expiresOn
      employee {
        id
        nip
        name
      }
    }
  }
`;

export const decideAbsenceMutation = gql<{ decideAbsence: { id: string; state: string } }, { id: string; approve: boolean; note: string | null }>`
  mutation PutuskanCuti($id: ID!, $approve: Boolean!, $note: String) {
    decideAbsence(id: $id, approve: $approve, note: $note) {
      id
      state
    }
  }
`;

export interface RecapRow {
  id: string;
  nip: string;
  name: string;
  unit: { id: string; name: string } | null;
  attendance: { counts: CodeCount[] } | null;
}

export interface UnitRecapData {
  employees: {
    totalCount: number | null;
    edges: { cursor: string; node: RecapRow }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export const unitRecapQuery = gql<UnitRecapData, { month: string; first: number; after: string | null }>`
  query RekapKehadiran($month: String!, $first: Int, $after: String) {
    employees(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          nip
          name
          unit {
            id
            name
          }
          attendance(month: $month) {
            counts {
              code
              count
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export interface AttendanceTodayView {
  date: string;
  present: number;
  late: number;
  absent: number;
  onLeave: number;
  off: number;
  sharePresent: number | null;
}

export const regionAttendanceTodayQuery = gql<{ region: { code: string; attendanceToday: AttendanceTodayView | null } | null }, { code: string }>`
  query KehadiranHariIni($code: String!) {
    region(code: $code) {
      code
      attendanceToday {
        date
        present
        late
        absent
        onLeave
        off
        sharePresent
      }
    }
  }
`;
