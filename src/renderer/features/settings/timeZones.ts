// Time zone choices for the Select inputs: the common US zones first (a community bank's usual
// answer), then every IANA zone the runtime knows, each labelled with its current UTC offset.

export interface ZoneOption {
  value: string;
  label: string;
}
export interface ZoneGroup {
  group: string;
  items: ZoneOption[];
}

const US_ZONES: Array<[zone: string, name: string]> = [
  ['America/New_York', 'Eastern'],
  ['America/Chicago', 'Central'],
  ['America/Denver', 'Mountain'],
  ['America/Phoenix', 'Arizona'],
  ['America/Los_Angeles', 'Pacific'],
  ['America/Anchorage', 'Alaska'],
  ['Pacific/Honolulu', 'Hawaii'],
];

/** "GMT-5" for a zone right now (the offset changes with daylight saving time). */
export function currentOffset(zone: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

const readable = (zone: string) => zone.replaceAll('_', ' ');

/** "New York (Eastern)" for the common US zones, else the city: "Amsterdam" (for badges). */
export function zoneShortName(zone: string): string {
  const city = readable(zone.split('/').pop() ?? zone);
  const us = US_ZONES.find(([id]) => id === zone);
  return us ? `${city} (${us[1]})` : city;
}

export function zoneLabel(zone: string): string {
  const offset = currentOffset(zone);
  return offset ? `${readable(zone)} (${offset})` : readable(zone);
}

function allZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return US_ZONES.map(([zone]) => zone);
  }
}

let cached: ZoneGroup[] | null = null;

/** Grouped options; `extra` zones (a stored value the runtime does not list, e.g. "UTC") are kept. */
export function timeZoneOptions(extra: Array<string | null | undefined> = []): ZoneGroup[] {
  if (!cached) {
    const us = new Set(US_ZONES.map(([zone]) => zone));
    cached = [
      {
        group: 'United States',
        items: US_ZONES.map(([zone, name]) => ({ value: zone, label: `${name}: ${zoneLabel(zone)}` })),
      },
      {
        group: 'All time zones',
        items: allZones()
          .filter((zone) => !us.has(zone))
          .map((zone) => ({ value: zone, label: zoneLabel(zone) })),
      },
    ];
  }
  const known = new Set(cached.flatMap((g) => g.items.map((i) => i.value)));
  const missing = [...new Set(extra.filter((z): z is string => Boolean(z) && !known.has(z as string)))];
  if (missing.length === 0) return cached;
  return [{ group: 'Current', items: missing.map((zone) => ({ value: zone, label: zoneLabel(zone) })) }, ...cached];
}
