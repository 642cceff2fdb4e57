/**
 * Writes demo forms to look at: `npx tsx tests/unit/documents/sample.ts /tmp/pdf`, then
 * `pdftoppm -png -r 70 /tmp/pdf/sample.pdf /tmp/pdf/page`. sample.pdf is the service agreement with
 * every block type; long.pdf is a progress log long enough to break across pages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentBuilder, finishPdf, renderFormPdf } from '../../../electron/main/backend/documents';
import { HASH, NAMES, sampleForm, signature, SIGNED_BST } from './fixtures';

const dir = process.argv[2] ?? '/tmp/pdf';
await mkdir(dir, { recursive: true });

let started = performance.now();
const sample = await renderFormPdf(sampleForm());
console.log(`sample.pdf: ${sample.length} bytes in ${(performance.now() - started).toFixed(0)} ms (first, loads fonts)`);
started = performance.now();
await renderFormPdf(sampleForm());
console.log(`sample.pdf again: ${(performance.now() - started).toFixed(0)} ms (fonts cached)`);
await writeFile(join(dir, 'sample.pdf'), sample);

started = performance.now();
const builder = new DocumentBuilder({ title: 'Progress log', subtitle: `Student S-2026-0142 · ${NAMES.devanagari} · March 2026`, provider: { name: 'Brightpath Mentoring Ltd' }, hash: HASH });
builder.heading('Notes');
for (let i = 0; i < 12; i++) {
  builder.paragraph(
    `Session ${i + 1}. ${NAMES.lukasz} and the student reviewed the revision timetable, agreed which topics to cover first, ` +
      'and practised a breathing routine for the start of each exam. The student will email the exams office about rest breaks, ' +
      'and bring the draft of chapter two to the next session.',
  );
}
builder.heading('Sessions this month');
builder.table(
  [{ header: 'Date' }, { header: 'Minutes', width: 0.7 }, { header: 'Attended', width: 0.8 }, { header: 'Summary', width: 3.5 }],
  Array.from({ length: 40 }, (_, i) => [`${(i % 28) + 1} March 2026`, '60', i % 7 === 3 ? 'No (ill)' : 'Yes', `Session ${i + 1}: planning with ${NAMES.zoe}; next steps agreed and written into the ILP`]),
);
builder.heading('Signatures', 1, { keepWithNext: 120 });
builder.signatures([signature(NAMES.devanagari, 'student', SIGNED_BST, 3), signature(NAMES.siobhan, 'mentor', SIGNED_BST, 4)]);
const { doc } = await builder.build();
const long = await finishPdf(doc, { kind: 'progress-log', studentRef: 'S-2026-0142', mentor: NAMES.siobhan, date: '2026-03', hash: HASH, record: { sessions: 40 }, exportedAt: SIGNED_BST });
console.log(`long.pdf: ${long.length} bytes in ${(performance.now() - started).toFixed(0)} ms`);
await writeFile(join(dir, 'long.pdf'), long);
