import { readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';
import { ManifestUtil } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { buildAppPackage, fillManifest } from '../../src/cli/teamsAppPackage';

// The official Teams manifest schema, as shipped by Microsoft's @microsoft/app-manifest package.
const schema = JSON.parse(
  readFileSync(
    path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas/teams/v1.30/MicrosoftTeams.schema.json'),
    'utf8',
  ),
);

describe('Teams app package', () => {
  const { manifest, zip } = buildAppPackage('dev');
  const entries = new AdmZip(zip).getEntries();

  it('the generated manifest validates against the official v1.30 schema', async () => {
    expect(await ManifestUtil.validateManifestAgainstSchema(manifest as never, schema)).toEqual([]);
  });

  it('the schema check really catches a broken manifest', async () => {
    const broken = { ...(manifest as Record<string, unknown>), id: 'not-a-guid' };
    expect((await ManifestUtil.validateManifestAgainstSchema(broken as never, schema)).length).toBeGreaterThan(0);
  });

  it('fills every placeholder and offers the bot in personal, team and group chat', () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('${{');
    const bot = (manifest as { bots: Array<{ scopes: string[]; botId: string }> }).bots[0];
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.botId).toBe('00000000-0000-4000-8000-000000000002');
  });

  it('offers the search message extension: one query command, bound to the bot, in the compose box and command box', () => {
    const extensions = (manifest as { composeExtensions: Array<{ botId: string; commands: Array<Record<string, unknown>> }> })
      .composeExtensions;
    expect(extensions).toHaveLength(1);
    expect(extensions[0].botId).toBe('00000000-0000-4000-8000-000000000002');
    expect(extensions[0].commands).toEqual([
      expect.objectContaining({
        id: 'searchGuidance',
        type: 'query',
        context: ['compose', 'commandBox'],
        parameters: [expect.objectContaining({ name: 'searchQuery', inputType: 'text' })],
      }),
    ]);
  });

  it('zips manifest and icons at the root: 192×192 colour, 32×32 outline with a transparent background', () => {
    expect(entries.map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const color = PNG.sync.read(entries.find((e) => e.entryName === 'color.png')!.getData());
    const outline = PNG.sync.read(entries.find((e) => e.entryName === 'outline.png')!.getData());
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.data[3]).toBe(0); // top-left pixel fully transparent
  });

  it('names a missing variable instead of producing a broken manifest', () => {
    expect(() => fillManifest('{"id":"${{TEAMS_APP_ID}}","bot":"${{BOT_ID}}"}', { BOT_ID: 'x' })).toThrow(
      'set TEAMS_APP_ID in the env file',
    );
  });
});
