/**
 * File names inside a ZIP, made from a row's fields ("{name_zh}"): safe on
 * every file system, never a path, and unique (duplicates numbered).
 */
export function fileNamer(pattern: string | undefined, extension: string) {
  const used = new Set<string>()
  return (row: number, fields: Record<string, string>): string => {
    const raw = pattern ? pattern.replace(/\{([^}]+)\}/g, (_, key: string) => fields[key.trim()] ?? '') : ''
    let base = raw
      .normalize('NFC')
      // Bidi controls out: U+202E would show "gpj.exe" as "exe.jpg" in a file list.
      .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      // Separators, reserved and control characters out: a name is never a path.
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s]+/, '')
      .slice(0, 100)
      .trim()
    if (!base || /^_+$/.test(base)) base = `row-${row}`
    if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = `_${base}`
    // Case-insensitive file systems see Ab and ab as one file.
    let name = base
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`
    used.add(name.toLowerCase())
    return `${name}.${extension}`
  }
}
