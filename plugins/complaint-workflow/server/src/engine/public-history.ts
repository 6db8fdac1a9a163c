/** A case event as stored; only the fields a public view may use are named here. */
export interface StoredEvent {
  kind: string;
  toState?: string | null;
  message?: string | null;
  isPublic: boolean;
  at: string | Date;
  /** Who acted: a citizen's own words (e.g. why it is not fixed) are never repeated publicly. */
  actorType?: string | null;
}

const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/**
 * What the public sees of a case's history, for every case type: the public events in time order,
 * with the message only where it was meant for the citizen (a public reply, or the reason given on
 * a state change by staff). Internal notes, citizen messages and a citizen's reason never appear.
 */
export function publicHistory(events: readonly StoredEvent[] | null | undefined) {
  return (events ?? [])
    .filter((e) => e.isPublic)
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
    .map((e) => ({
      at: iso(e.at),
      kind: e.kind,
      status: e.toState ?? null,
      message: e.kind === 'public_reply' || (e.kind === 'transition' && e.actorType !== 'citizen') ? (e.message ?? null) : null,
    }));
}
