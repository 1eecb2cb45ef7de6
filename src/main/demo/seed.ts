import { TZDate } from '@date-fns/tz';
import fs from 'node:fs';
import path from 'node:path';
import { addDays, format, startOfMonth, subDays, subMonths } from 'date-fns';
import type { Category, Channel, Network, Post, PostStatus } from '../../shared/domain/schemas';
import { newId, nowIso } from '../db/repositories/rows';
import type { Role } from '../../shared/domain/people';
import type { IdeaStatus } from '../../shared/domain/ideas';
import type { Services } from '../services';
import { resourcePath } from '../resources';

export const DEMO_BANK = { name: 'Riverside Community Bank', timezone: 'America/New_York' };

// Target mix grounded in the seed articles: mostly people, stories, conversation and advice;
// product posts a minority (at most 20%).
const DEMO_CATEGORIES: Array<Omit<Category, 'id' | 'revision' | 'createdAt' | 'updatedAt'>> = [
  { name: 'Employee highlights', color: '#2f9e44', description: 'The people behind the counter: milestones, volunteering, the teller who ran a marathon.', targetShare: 0.25, isPromotional: false, minGapSlots: null, minGapDays: null, maxPerWeek: null, noConsecutive: false, sortOrder: 1 },
  { name: 'Community & customer stories', color: '#1971c2', description: 'Local businesses we serve, events we sponsor, customers in their own words.', targetShare: 0.2, isPromotional: false, minGapSlots: null, minGapDays: null, maxPerWeek: null, noConsecutive: false, sortOrder: 2 },
  { name: 'Questions & conversation', color: '#f08c00', description: 'Questions that start conversations: polls, "what was your first car?", local trivia.', targetShare: 0.2, isPromotional: false, minGapSlots: null, minGapDays: null, maxPerWeek: null, noConsecutive: false, sortOrder: 3 },
  { name: 'Financial tips & education', color: '#7048e8', description: 'Useful advice: budgeting, fraud awareness, first-home buying, saving for college.', targetShare: 0.2, isPromotional: false, minGapSlots: null, minGapDays: null, maxPerWeek: null, noConsecutive: false, sortOrder: 4 },
  { name: 'Products & promotions', color: '#e03131', description: 'Rates, accounts and offers. Keep to a minority of the feed.', targetShare: 0.15, isPromotional: true, minGapSlots: null, minGapDays: null, maxPerWeek: 2, noConsecutive: true, sortOrder: 5 },
];

const weekdays = (times: string[], days = [1, 2, 3, 4, 5]) => days.flatMap((weekday) => times.map((time) => ({ weekday, time })));

const DEMO_CHANNELS: Array<{ network: Network; name: string; handle: string; slots: Channel['slots'] }> = [
  { network: 'facebook', name: 'Riverside on Facebook', handle: 'RiversideCommunityBank', slots: weekdays(['09:30', '15:00']) },
  { network: 'instagram', name: 'Riverside on Instagram', handle: '@riversidebank', slots: weekdays(['12:00'], [1, 3, 5, 6]) },
  { network: 'linkedin', name: 'Riverside on LinkedIn', handle: 'riverside-community-bank', slots: weekdays(['08:30'], [2, 4]) },
  { network: 'x', name: 'Riverside on X', handle: '@RiversideBank', slots: weekdays(['10:00', '16:30']) },
  { network: 'google_business', name: 'Main Street branch (Google)', handle: 'Riverside Main St', slots: weekdays(['11:00'], [1]) },
];

const POST_IDEAS: Record<string, Array<{ title: string; text: string }>> = {
  'Employee highlights': [
    { title: 'Maria finishes the Chicago Marathon', text: 'Maria from our Oak Street branch just ran her first marathon: 26.2 miles, and she was back behind the counter Monday morning. Congratulations, Maria! 🏃‍♀️' },
    { title: '25 years with Tom, branch manager', text: 'Tom opened his first account here as a teenager. Twenty-five years later he runs our Main Street branch. Thank you for everything, Tom.' },
    { title: 'Team volunteers at the food bank', text: 'Our West Side team spent Saturday sorting 2,000 pounds of food at the River Valley Food Bank. Proud of this crew.' },
    { title: 'Meet Aisha, our new mortgage advisor', text: 'Say hello to Aisha! She helps first-time buyers make sense of the numbers, and she makes a mean cup of coffee.' },
  ],
  'Community & customer stories': [
    { title: 'Rosa’s Bakery turns 10', text: 'Ten years ago Rosa opened a tiny bakery on 3rd Street. Today she employs twelve neighbours. Happy anniversary, Rosa’s Bakery!' },
    { title: 'Little League season opener', text: 'Good luck to the Riverside Rapids this season! We are proud to sponsor our hometown team again.' },
    { title: 'Library reading challenge', text: 'The summer reading challenge at Riverside Public Library starts today. Stop by any branch for a free bookmark.' },
  ],
  'Questions & conversation': [
    { title: 'What was your first job?', text: 'Ours was scooping ice cream at the county fair. What was your very first job? Tell us below 👇' },
    { title: 'Best local lunch spot?', text: 'Settle a debate in our break room: which local spot has the best lunch in town?' },
    { title: 'Saver or spender?', text: 'Honest question: when you get a little extra money, do you save it or treat yourself?' },
  ],
  'Financial tips & education': [
    { title: 'Spot a phishing text', text: 'We will never text you asking for your PIN or password. If a message feels urgent and asks for personal details, call your branch instead.' },
    { title: 'The 50/30/20 budget', text: 'A simple budget to start with: 50% needs, 30% wants, 20% savings. Small steps add up.' },
    { title: 'First-home checklist', text: 'Thinking about buying your first home? Start with your credit report, a savings target and a pre-approval conversation.' },
  ],
  'Products & promotions': [
    { title: 'Free checking for students', text: 'Heading to college? Our student checking has no monthly maintenance fee. Member FDIC.' },
    { title: 'Mobile deposit is here', text: 'Deposit checks from your couch with our mobile app. Member FDIC.' },
  ],
};

/** The demo's own illustrations (resources/demo-media, drawn by scripts/make-demo-images.ts), per category. */
const DEMO_IMAGE_FILES: Record<string, string> = {
  'Employee highlights': 'team-photo.png',
  'Community & customer stories': 'community.png',
  'Questions & conversation': 'question-card.png',
  'Financial tips & education': 'tip-card.png',
  'Products & promotions': 'product.png',
};

/** Copies the demo images into the workspace media folder; returns each category's image path. */
function addDemoImages(services: Omit<Services, 'onboarding' | 'packets'>): Record<string, string> {
  const folder = resourcePath('demo-media');
  return Object.fromEntries(
    Object.entries(DEMO_IMAGE_FILES).map(([category, file]) => [category, services.media.addBytes(fs.readFileSync(path.join(folder, file)), file).path]),
  );
}

const STAFF_IDEAS: Array<{ title: string; story: string; submittedBy: string; branch: string; category: string; featured: string[]; status: IdeaStatus; photo?: boolean; declineReason?: string }> = [
  { title: 'Teller Jake coaches a youth soccer team', story: 'Jake has coached the Oak Street Otters, a team of eight-year-olds, every Saturday for three seasons. This year they won the town cup.', submittedBy: 'Jake Miller', branch: 'Oak Street', category: 'Employee highlights', featured: ['Jake Miller'], status: 'new', photo: true },
  { title: 'Customer who saved for 30 years to open a café', story: 'Rosa opened her first savings account with us in 1996. Last month she opened Café Rosa on Main Street.', submittedBy: 'Linda Park', branch: 'Main Street', category: 'Community & customer stories', featured: ['Rosa Alvarez'], status: 'accepted' },
  { title: 'Our drive-through dog treats tradition', story: 'Every dog that comes through the West Side drive-through gets a biscuit. We have handed out 4,000 this year.', submittedBy: 'Sam Ortiz', branch: 'West Side', category: 'Employee highlights', featured: [], status: 'accepted', photo: true },
  { title: 'Quiz: how many coins fit in the lobby jar?', story: 'Guess the number of coins in the Main Street lobby jar; the closest guess picks the charity we donate it to.', submittedBy: 'Priya Shah', branch: 'Main Street', category: 'Questions & conversation', featured: [], status: 'needs_info' },
  { title: 'Fraud-prevention tips from our security team', story: 'Dana’s team sees the same three scams every week. Five tips to spot them.', submittedBy: 'Dana White', branch: 'Operations', category: 'Financial tips & education', featured: ['Dana White'], status: 'accepted' },
  { title: 'Branch staff knit hats for the NICU', story: 'The Riverside Plaza team knitted 120 tiny hats for the county hospital’s newborn unit.', submittedBy: 'Grace Lee', branch: 'Riverside Plaza', category: 'Employee highlights', featured: ['Grace Lee', 'Tom Reyes'], status: 'new', photo: true },
  { title: 'Our new rate special', story: 'Could we post about the new CD rate?', submittedBy: 'Chris Doyle', branch: 'Main Street', category: 'Products & promotions', featured: [], status: 'declined', declineReason: 'Product posts come from marketing with compliance review; thanks for the nudge.' },
];

/** Deterministic pseudo-random numbers so the demo looks the same every time it is created. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Seeds the demo bank: channels, categories with targets, three months of posts, a backlog of story ideas. */
export function seedDemoWorkspace(services: Omit<Services, 'onboarding' | 'packets'>, today: Date = new Date()): void {
  const { repos } = services;
  const zone = DEMO_BANK.timezone;
  const random = seededRandom(20261124);
  const images = addDemoImages(services);
  repos.transaction(() => {
    services.workspace.update(DEMO_BANK);
    const now = nowIso();
    const categories = DEMO_CATEGORIES.map((c) => ({ ...c, id: newId(), revision: 1, createdAt: now, updatedAt: now }));
    categories.forEach((c) => repos.categories.save(c));
    const channels = DEMO_CHANNELS.map((c) => services.channels.create(c));
    const instagramId = channels.find((c) => c.network === 'instagram')!.id;

    // Three months: last month (published), this month (mixed), next month (drafts and reviews).
    const first = startOfMonth(subMonths(today, 1));
    const todayKey = format(today, 'yyyy-MM-dd');
    const counters = new Map<string, number>();
    const posts: Post[] = [];
    const plannedCounts = new Map<string, Map<string, number>>();
    for (let day = 0; day < 92; day++) {
      const date = addDays(first, day);
      const weekday = ((date.getDay() + 6) % 7) + 1;
      if (weekday > 5) continue;
      for (const [hour, minute] of [
        [9, 30],
        [15, 0],
      ] as const) {
        if (random() < 0.35) continue;
        const channelIds = channels.filter(() => random() < 0.55).map((c) => c.id);
        if (channelIds.length === 0) channelIds.push(channels[0].id);
        const dayKey = format(date, 'yyyy-MM-dd');
        // History drifts (the mix report has something to show); what is already planned ahead
        // follows the targets on every channel, as a team using Storybank would have it.
        const past = dayKey < todayKey;
        // Balanced per channel and, month by month, over all channels (what the mix report sums).
        const mixCounters = [
          ...channelIds.map((key) => ({ key, weight: 1 })),
          { key: `all:${dayKey.slice(0, 7)}`, weight: channelIds.length },
        ];
        const category = past ? pickCategory(categories, random()) : mostBehind(categories, mixCounters, plannedCounts);
        if (!past) {
          for (const { key, weight } of mixCounters) {
            const counts = plannedCounts.get(key) ?? new Map<string, number>();
            counts.set(category.id, (counts.get(category.id) ?? 0) + weight);
            plannedCounts.set(key, counts);
          }
        }
        const pool = POST_IDEAS[category.name];
        const used = counters.get(category.name) ?? 0;
        counters.set(category.name, used + 1);
        const idea = pool[used % pool.length];
        const instant = new TZDate(date.getFullYear(), date.getMonth(), date.getDate(), hour, minute, zone);
        const status: PostStatus =
          dayKey < todayKey ? 'published' : pickStatus(random(), dayKey < format(addDays(today, 14), 'yyyy-MM-dd'));
        const post: Post = {
          id: newId(),
          title: idea.title,
          baseText: idea.text,
          channelIds,
          channelTexts: {},
          channelOffsets: {},
          categoryId: category.id,
          scheduledAt: new Date(instant.getTime()).toISOString(),
          timezone: zone,
          // Instagram needs an image on every post; the demo gives one wherever Instagram is in.
          images:
            category.name === 'Employee highlights' || channelIds.includes(instagramId)
              ? [{ src: images[category.name] ?? images['Employee highlights'], alt: `Photo for “${idea.title}”: Riverside staff and neighbours at the branch` }]
              : [],
          link: null,
          notes: '',
          status,
          placeholder: false,
          seriesId: null,
          ideaId: null,
          issues: [],
          revision: 1,
          createdAt: now,
          updatedAt: now,
        };
        posts.push(post);
      }
    }
    services.posts.storeAll(posts);

    STAFF_IDEAS.forEach((idea, i) =>
      repos.ideas.save({
        id: newId(),
        title: idea.title,
        story: idea.story,
        submittedBy: idea.submittedBy,
        submitterEmail: `${idea.submittedBy.toLowerCase().replace(/[^a-z]+/g, '.')}@riverside.example`,
        branch: idea.branch,
        featured: idea.featured.map((name) => ({ name, consentStated: true })),
        photos: idea.photo ? [{ src: images['Employee highlights'], alt: '', originalName: 'team-photo.png' }] : [],
        categoryId: categories.find((c) => c.name === idea.category)?.id ?? null,
        status: idea.status,
        declineReason: idea.declineReason ?? '',
        earliest: null,
        latest: format(addDays(today, 30 + i * 10), 'yyyy-MM-dd'),
        notes: '',
        source: 'manual',
        sourceHash: null,
        revision: 1,
        // spread over the last weeks, so the board and the branch coverage look lived in
        createdAt: subDays(today, 3 + i * 6).toISOString(),
        updatedAt: now,
      }),
    );
    seedDemoPeople(services);
  });
}

export const DEMO_PEOPLE: Array<{ name: string; roles: Role[] }> = [
  { name: 'Alex Rivera', roles: ['planner', 'contributor'] },
  { name: 'Morgan Lee', roles: ['approver'] },
  { name: 'Sam Patel', roles: ['contributor'] },
];
export const DEMO_OWNER = { name: 'Jordan Kim', roles: ['admin', 'planner', 'approver'] as Role[] };

export const DEMO_POLICY = [
  'Riverside Community Bank: social media policy',
  '',
  '1. Only the marketing team posts for the bank. Every post is approved by a manager before it is scheduled.',
  '2. Never post customer information: names, account or card numbers, balances, or anything a customer told us in confidence. Answer account questions in private messages.',
  "3. Rates, fees and offers go out only with the disclosures our compliance rules require, and only rates on today's rate sheet.",
  '4. Ask before you post a colleague or customer: a signed likeness release is needed for every person in a photo.',
  '5. Be kind, be accurate, and correct mistakes openly. When in doubt, ask compliance.',
].join('\n');

/**
 * The demo team: the owner becomes the bank's marketing lead (and stays the current person); a
 * planner, an approver and a branch contributor join; all have read the policy.
 */
function seedDemoPeople(services: Omit<Services, 'onboarding' | 'packets'>): void {
  const { repos, audit } = services;
  const now = nowIso();
  const [owner] = repos.profiles.list();
  const lead = { ...owner, ...DEMO_OWNER, updatedAt: now };
  repos.profiles.save(lead);
  audit.record({ kind: 'profile.update', subjectType: 'profile', subjectId: lead.id, body: { name: lead.name, roles: { before: owner.roles, after: lead.roles }, archived: false } }, lead);
  const people = [lead, ...DEMO_PEOPLE.map((p) => ({ id: newId(), ...p, archived: false, revision: 1, createdAt: now, updatedAt: now }))];
  for (const person of people.slice(1)) {
    repos.profiles.save(person);
    audit.record({ kind: 'profile.create', subjectType: 'profile', subjectId: person.id, body: { name: person.name, roles: person.roles } }, lead);
  }
  const policy = services.policy.publish(lead, DEMO_POLICY);
  for (const person of people) services.policy.accept(person, policy.version);
  // Whoever created the workspace is its owner: they go on as the demo's marketing lead.
  services.session.select(lead.id);
}

/**
 * The category furthest behind its target (smooth weighted round robin) over several counters at
 * once: each counter adds `weight` posts (a post's channels, and its month over all channels).
 */
function mostBehind<T extends { id: string; targetShare: number }>(
  categories: T[],
  counters: Array<{ key: string; weight: number }>,
  counts: Map<string, Map<string, number>>,
): T {
  const lag = (category: T) =>
    counters.reduce((sum, { key, weight }) => {
      const counter = counts.get(key);
      const total = counter ? [...counter.values()].reduce((a, b) => a + b, 0) : 0;
      return sum + category.targetShare * (total + weight) - (counter?.get(category.id) ?? 0);
    }, 0);
  return categories.reduce((best, category) => (lag(category) > lag(best) ? category : best));
}

function pickCategory<T extends { targetShare: number }>(categories: T[], r: number): T {
  let acc = 0;
  for (const c of categories) {
    acc += c.targetShare;
    if (r < acc) return c;
  }
  return categories[categories.length - 1];
}

function pickStatus(r: number, soon: boolean): PostStatus {
  if (soon) return r < 0.6 ? 'approved' : r < 0.85 ? 'in_review' : 'changes_requested';
  return r < 0.5 ? 'draft' : r < 0.8 ? 'in_review' : 'approved';
}
