/**
 * The rungs of the Contributor Covenant enforcement ladders. Names are facts of the
 * upstream texts; the one-line explanations are ours. Translated rung names are not listed
 * here: the upstream library derives them from the bundled texts.
 */
export type RungId =
  | 'correction'
  | 'warning'
  | 'temporary-ban'
  | 'permanent-ban'
  | 'temporarily-limited-activities'
  | 'temporary-suspension';

export interface RungInfo {
  id: RungId;
  /** The English name upstream uses. */
  name: string;
  /** What the rung is for, in plain words, shown on hover. */
  explanation: string;
}

export const RUNGS: Record<RungId, RungInfo> = {
  correction: {
    id: 'correction',
    name: 'Correction',
    explanation: 'The lightest response, for a one-off slip such as an unprofessional remark: a private note that explains what went wrong, sometimes with a request for a public apology.',
  },
  warning: {
    id: 'warning',
    name: 'Warning',
    explanation: 'A formal warning for a single incident or a series of them. The person stays in the community, but contact with those involved is limited for a while, and repeating the behaviour leads up the ladder.',
  },
  'temporary-ban': {
    id: 'temporary-ban',
    name: 'Temporary Ban',
    explanation: 'For a serious or sustained violation: no interaction with the community for a set time. Breaking the ban may make it permanent.',
  },
  'permanent-ban': {
    id: 'permanent-ban',
    name: 'Permanent Ban',
    explanation: 'The last rung, for a pattern of violations or one so grave that the person cannot safely return: removal from all community spaces for good.',
  },
  'temporarily-limited-activities': {
    id: 'temporarily-limited-activities',
    name: 'Temporarily Limited Activities',
    explanation: 'A 3.0 rung between a warning and a suspension: the person stays, but some activities are paused for a cool-down period, with a path to repair.',
  },
  'temporary-suspension': {
    id: 'temporary-suspension',
    name: 'Temporary Suspension',
    explanation: 'A time-limited removal with stated conditions for return, so the person can reflect and make repair before coming back.',
  },
};

/** The fields a rung states: 2.x's impact and consequence; 3.0's event, consequence and repair. */
export type RungFieldId = 'community-impact' | 'consequence' | 'event' | 'repair';

/** Fields per ladder family, in upstream order. English labels are "Community Impact", "Consequence", "Event", "Repair". */
export const FIELDS: Record<'2.x' | '3.x', RungFieldId[]> = {
  '2.x': ['community-impact', 'consequence'],
  '3.x': ['event', 'consequence', 'repair'],
};

/** Upstream ladders, rung by rung, in order. */
export const LADDERS: Record<'2.x' | '3.x', RungId[]> = {
  '2.x': ['correction', 'warning', 'temporary-ban', 'permanent-ban'],
  '3.x': ['warning', 'temporarily-limited-activities', 'temporary-suspension', 'permanent-ban'],
};
