/**
 * Reads an office's data directory (QOYAR_DATA, `--data`) into OfficeFiles:
 * the files qoyar knows by path, JSON as text, images as data: URIs. Also
 * used at build time to bundle the same files into the Workers script.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { OfficeDataError } from '../office/errors.js'
import { IMAGE_TYPES, OFFICE_FILE_PATTERN, OFFICE_LIMITS, type OfficeFiles } from '../office/files.js'

async function walk(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await walk(path)))
    else if (entry.isFile()) out.push(path)
  }
  return out
}

export async function readOfficeDir(dir: string): Promise<OfficeFiles> {
  const info = await stat(dir).catch(() => undefined)
  if (!info?.isDirectory()) throw new OfficeDataError(dir, '', 'no such directory (QOYAR_DATA or --data)')
  const files: Record<string, string> = {}
  let bytes = 0
  for (const path of (await walk(dir)).sort()) {
    const rel = relative(dir, path).split(sep).join('/')
    if (!OFFICE_FILE_PATTERN.test(rel)) continue
    if (Object.keys(files).length >= OFFICE_LIMITS.files) throw new OfficeDataError(rel, '', `more than ${OFFICE_LIMITS.files} files`)
    const data = await readFile(path)
    bytes += data.byteLength
    if (bytes > OFFICE_LIMITS.bytes) throw new OfficeDataError(rel, '', `the directory's files pass ${OFFICE_LIMITS.bytes / 2 ** 20} MB`)
    const type = IMAGE_TYPES[rel.slice(rel.lastIndexOf('.') + 1).toLowerCase()]
    files[rel] = type ? `data:${type};base64,${data.toString('base64')}` : data.toString('utf8')
  }
  return { origin: dir, files }
}
