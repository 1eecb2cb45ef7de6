// A short note for the staff member whose story is going out (staff who see their stories used
// send more), as text to copy and as an .eml draft built by nodemailer's MIME composer.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { ThankYouNote } from '../../../shared/api/ideas';
import type { Idea } from '../../../shared/domain/ideas';

const firstName = (name: string): string => name.trim().split(/\s+/)[0] || 'there';

export async function composeThankYou(input: { idea: Idea; bank: string; at: string; timezone: string; networks: string[]; author: string }): Promise<ThankYouNote> {
  const { idea, bank, at, timezone, networks, author } = input;
  const when = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(at));
  const where = networks.length ? ` on ${new Intl.ListFormat('en-US', { type: 'conjunction' }).format(networks)}` : '';
  const subject = `Your story is going out on ${when.split(' at ')[0]}`;
  const text = [
    `Hi ${firstName(idea.submittedBy)},`,
    '',
    `Thank you for sending us "${idea.title}". It is going out ${when}${where}.`,
    idea.featured.length ? `Thank you to ${new Intl.ListFormat('en-US').format(idea.featured.map((f) => f.name))} for letting us share it.` : '',
    '',
    'Stories like yours are what make our feed worth following. If you hear of another one at your branch, send it our way.',
    '',
    'Thank you,',
    `${author}, ${bank} marketing`,
  ]
    .filter((line, i, lines) => !(line === '' && lines[i - 1] === ''))
    .join('\n');
  const message = new MailComposer({ to: idea.submitterEmail || undefined, subject, text, headers: { 'X-Unsent': '1' } });
  const eml = await new Promise<string>((resolve, reject) => message.compile().build((error, bytes) => (error ? reject(error) : resolve(bytes.toString('utf8')))));
  const fileName = `thank-you-${idea.submittedBy.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'submitter'}.eml`;
  return { to: idea.submitterEmail, subject, text, eml, fileName };
}
