import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addPersonFromForm, addSchoolFromForm } from '../../src/directory/directoryForms';
import { SAMPLE_DIRECTORY } from '../../src/directory/openDirectory';
import { DirectoryError } from '../../src/directory/directory';
import { parseDirectory, YamlDirectory } from '../../src/directory/yamlDirectory';

function copyOfSample(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dir-')), 'directory.yaml');
  writeFileSync(file, readFileSync(SAMPLE_DIRECTORY, 'utf8'));
  return file;
}

describe('the directory file', () => {
  it('the shipped sample is valid and maps the Playground users to every role', () => {
    const sample = parseDirectory(readFileSync(SAMPLE_DIRECTORY, 'utf8'), 'sample');
    expect(new Set(sample.people.map((p) => p.role))).toEqual(new Set(['dsl', 'headteacher', 'early-help', 'front-door', 'admin']));
  });

  it('names the file, the field and the problem', () => {
    const broken = readFileSync(SAMPLE_DIRECTORY, 'utf8').replace('school: sample-secondary', 'school: nowhere-school');
    expect(() => parseDirectory(broken, 'directory.yaml')).toThrow(DirectoryError);
    expect(() => parseDirectory(broken, 'directory.yaml')).toThrow('directory.yaml: people.5.school: "nowhere-school" is not a school in this file');
  });

  it('a school role without a school, or a council role with one, is refused', () => {
    const noSchool = readFileSync(SAMPLE_DIRECTORY, 'utf8').replace('    role: dsl\n    school: sample-primary', '    role: dsl');
    expect(() => parseDirectory(noSchool, 'd')).toThrow('people.0.school: school roles (dsl, deputy-dsl, headteacher, staff) need a school');
  });

  it('recognises people by Entra object id, whatever the case', () => {
    const directory = new YamlDirectory(copyOfSample());
    expect(directory.findPerson('00000000-0000-0000-0000-0000000000024'.toUpperCase())?.role).toBe('admin');
    expect(directory.findPerson('unknown')).toBeUndefined();
    expect(directory.findPerson(undefined)).toBeUndefined();
  });
});

describe('admin forms', () => {
  it('adds a school and then a person in it, writing the file', async () => {
    const file = copyOfSample();
    const directory = new YamlDirectory(file);
    expect(await addSchoolFromForm(directory, { schoolId: 'oak-primary', schoolName: 'Oak Primary', urn: '123456', phase: 'primary' })).toEqual({ ok: true, message: 'Added Oak Primary.' });
    const result = await addPersonFromForm(directory, { personName: 'Ola Oak', aadObjectId: 'aaaa-1111', role: 'dsl', school: 'oak-primary' });
    expect(result.ok).toBe(true);
    expect(new YamlDirectory(file).findPerson('aaaa-1111')?.school).toBe('oak-primary');
  });

  it('reports every problem against its field and saves nothing', async () => {
    const file = copyOfSample();
    const before = readFileSync(file, 'utf8');
    const directory = new YamlDirectory(file);
    const result = await addSchoolFromForm(directory, { schoolId: 'Bad Id', schoolName: '', urn: '12', phase: '' });
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { errors: object }).errors).sort()).toEqual(['phase', 'schoolId', 'schoolName', 'urn']);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
