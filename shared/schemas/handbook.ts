/**
 * The provider's handbook lists, in our own default wording. Each is a plain list of statements the
 * provider can rewrite, reorder, add to or cut in Settings, so a provider can load its own text.
 */

/** Gone through with the student in the first session, one by one. */
export const defaultMentoringGuidelines: readonly string[] = [
  'Taking part in mentoring is your choice.',
  'Either of us may end the mentoring if, after a real effort, it is not working.',
  'We work as partners and make decisions together, even where the mentor has more experience.',
  'We meet somewhere quiet, where we can talk freely without being overheard.',
  'We both need to be comfortable with where we meet, with safety and travel in mind; any worry about a location goes to the office straight away.',
  'Sessions are long enough, and unhurried enough, for us to get to know each other and work well.',
  'What we discuss is confidential, and notes about our sessions are kept securely. There are two exceptions, explained below, and the mentor will not promise more confidentiality than that.',
  'We keep our commitments: if a session has to be cancelled or will start late, we tell each other in good time and rebook promptly.',
  'The mentor responds to what you need and does not set their own agenda; the mentor supports and challenges, and is not your manager.',
  'The mentor gives honest, constructive feedback, and you try out ways of working on what it raises.',
  'We share responsibility for how the mentoring moves forward.',
  'The mentor does not act on your behalf: you stay in charge of your own decisions and actions.',
  'We are open and honest with each other.',
  'We respect each other’s time and other commitments.',
  'Either of us may ask at any time to review how mentoring is going, or to revisit what we agreed earlier.',
  'If either of us is unsure where the mentoring stands, we ask the other rather than guess.',
  'Mentoring is not the place for long-standing personal difficulties or major emotional events; those belong with counsellors or therapists, and the mentor can help you find them.',
  'The mentor knows the limits of their role and will not work beyond them.',
  'If the mentor has another role that could conflict with mentoring you, they will tell you as soon as they can.',
  'The mentor will never take advantage of you, financially, sexually or in any other way.',
  'When mentoring ends, we aim to have at least one last meeting to review it and close it properly.',
  'Mentoring lasts for a set period; whether any other contact follows it is entirely up to you.',
];

/** Confirmed by the mentor for each student. */
export const defaultBoundaryItems: readonly string[] = [
  'Our relationship is professional only: no friendship or socialising.',
  'No contact through social media or personal accounts.',
  'Sessions take place on campus (library, study spaces, learning support rooms), or remotely where agreed.',
  'No gifts given or accepted; the provider’s policy is explained if one is offered.',
  'No visits to the student’s home or halls, and no lifts in personal vehicles, unless the office has authorised it.',
  'No personal assistance (errands, form filling, acting for the student) unless the office has authorised it.',
];

/** The two exceptions to confidentiality, said in the first session and printed on its record. */
export const confidentialityExceptions: readonly string[] = [
  'The mentor believes the student may be at risk of harming themselves, or that someone else may be at risk.',
  'The law requires information to be shared (for example, a serious crime, or a child who may be at risk).',
];
