// Type-checked (tsc --noEmit), not run: the generated declarations (pkg/web/chibo.d.ts) describe
// what a page writes. A wrong property name or type here fails the check.
import init, { Commune, Meeting, errorKinds, keyProofMessage, publicKey, signCommand, signKeyProof, signingMessage, verify, verifySignedSeal, type ChiboError, type Command, type ErrorKindInfo, type Dashboard, type Head, type MeetingSummary, type Query } from '../../pkg/web/chibo.js';
import { generateSigningKey, importSecretKey, signKeyProofWith, signWith, webCryptoEd25519, type SigningKey } from '../../pkg/web/signing.js';

export async function example(text: string): Promise<void> {
  await init();
  const commune: Commune = Commune.load(text);
  const dashboard: Dashboard = commune.dashboard(2025);
  const rate: number | null = dashboard.months[0].attendance.rate_per_mille;
  const command: Command = {
    actor: 'xom-01-bt',
    at: new Date(),
    action: { send_notice: { meeting: 'xom-01-2026-01' } },
  };
  try {
    const line: string = commune.execute(command);
    console.log(line, rate);
  } catch (e) {
    const error = e as ChiboError;
    const message: string = error.code === 'vote.not_eligible' ? error.messageVi : error.messageEn;
    console.log(message, error.fields);
    const kind: ErrorKindInfo | undefined = errorKinds().find((k) => k.name === error.name);
    const rules: string | null = kind?.rules ?? null;
    console.log(rules, kind?.codes.length);
  }
  const meeting: Meeting = commune.meeting('xom-01-2026-01');
  const when: Date = meeting.scheduledAt;
  // @ts-expect-error: a meeting's state is one of five names, not a number
  const wrong: number = meeting.state;
  // @ts-expect-error: summaries have snake_case keys, as in docs/json.md
  const camel = (commune.summary('meetings', meeting.id) as MeetingSummary).countedBase;
  console.log(wrong, camel);
  const summary = commune.summary('meetings', meeting.id) as MeetingSummary;
  const base: number | null = summary.counted_base;
  const alerts = commune.alerts(when);
  console.log(alerts.map((a) => a.message_vi), base, verify(commune.journalText()).seq, commune.head.hash);
}

// The commands' types are generated from the core's own (schema/command.schema.json): what the
// core refuses as malformed does not type-check.
export function commands(commune: Commune): void {
  const prepared: Command = {
    actor: 'xom-01-bt',
    at: '2026-01-03T19:00:00+07:00',
    action: { hold_preparatory_meeting: { meeting: 'xom-01-2026-01', attendees: ['xom-01-bt'], agreed: 'Thống nhất nội dung' } },
  };
  commune.execute(prepared);
  // @ts-expect-error: `agreed` is what the committee agreed, a text (the core refuses `true`)
  const agreedTrue: Command = { actor: 'a', at: new Date(), action: { hold_preparatory_meeting: { meeting: 'm', attendees: [], agreed: true } } };
  // @ts-expect-error: there is no action `send_notise`
  const misspelledAction: Command = { actor: 'a', at: new Date(), action: { send_notise: { meeting: 'm' } } };
  // @ts-expect-error: `meetng` is not a field of `send_notice`
  const misspelledField: Command = { actor: 'a', at: new Date(), action: { send_notice: { meetng: 'm' } } };
  // @ts-expect-error: a category is one of four codes
  const category: Command = { actor: 'a', at: new Date(), action: { self_assess: { year: 2025, member: 'a', category: 'great', summary: 's' } } };
  const review: Command = { actor: 'a', at: new Date(), action: { self_assess: { year: 2025, member: 'a', category: 'good', summary: 'Hoàn thành tốt' } } };
  const query: Query = { ratings: { year: 2025, cut_off: '2025-12-20' } };
  console.log(agreedTrue, misspelledAction, misspelledField, category, review, query);
}

// Signed records: the package's signing functions and its signing.js module (docs/web.md).
export async function signed(commune: Commune, command: Command): Promise<void> {
  const key: SigningKey = await generateSigningKey();
  if (key.webCrypto) {
    const privateKey: CryptoKey = key.privateKey;
    console.log(privateKey.extractable);
  } else {
    const secret: Uint8Array = key.secret;
    const byWasm: string = signCommand(secret, command);
    console.log(byWasm, publicKey(secret) === key.publicKey);
  }
  const line: string = commune.executeSigned(command, await signWith(key, command));
  const message: Uint8Array = signingMessage(command);
  const proof: string = await signKeyProofWith(key, 'x1-bt');
  const proofBytes: Uint8Array = keyProofMessage('x1-bt', key.publicKey);
  const head: Head = verifySignedSeal(commune.journalText(), line);
  const viaWebCrypto: boolean = await webCryptoEd25519();
  const imported: SigningKey = await importSecretKey(new Uint8Array(32), { useWebCrypto: false });
  console.log(message.length, proof, proofBytes, head.seq, viaWebCrypto, imported, signKeyProof(new Uint8Array(32), 'x1-bt'));
  // @ts-expect-error: a signature is its hex text, not bytes
  commune.executeSigned(command, new Uint8Array(64));
  // @ts-expect-error: a secret is bytes, not hex text
  signCommand('11'.repeat(32), command);
}
