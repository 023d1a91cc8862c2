/**
 * The layering rules CI checks (`npm run lint:layers`). Each rule names the promise it keeps; docs/ARCHITECTURE.md
 * draws the layers. A new exception is a design decision: change ARCHITECTURE.md in the same commit.
 */
const SDK = '(^|/)node_modules/(botbuilder|botbuilder-[a-z-]+|botframework-[a-z-]+|@microsoft/teams-ai)/';
/** Code that decides things about children, schools and referrals; it is handed its settings, never reads them. */
const DOMAIN = '^src/(answers|calendar|cards|conversation|directory|knowledge|outbox|policies|referrals|thresholds|updates|validation)/';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders depend one way: a cycle between two folders means neither can be understood or moved alone.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'only-the-teams-edge-imports-the-sdk',
      comment: 'botbuilder and teams-ai v1 are legacy: the move to the Teams SDK v2 must be a swap of src/teams/ alone.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/teams/' },
      to: { path: SDK },
    },
    {
      name: 'only-the-http-layer-imports-restify',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/http/' },
      to: { path: '(^|/)node_modules/restify/' },
    },
    {
      name: 'cards-and-answers-import-no-storage',
      comment: 'Presenting is separate from persisting: a card is built from plain data.',
      severity: 'error',
      from: { path: '^src/(cards|answers)/' },
      to: { path: '^src/storage/' },
    },
    {
      name: 'conversation-handlers-write-through-use-cases',
      comment: 'Routes are thin: a handler calls a use case, which checks its permission, and never reaches the tables itself.',
      severity: 'error',
      from: { path: '^src/conversation/' },
      to: { path: '^src/storage/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-gets-file-paths-from-config',
      comment: 'Domain code is given its paths and settings (a Config value), so tests and councils can point it elsewhere.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '^src/config\\.ts$', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test)/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
