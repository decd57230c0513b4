/**
 * An office's data directory as plain data, so that the Node entry (which
 * reads it from disk) and the Workers build (which bundles it) hand the app
 * the same thing: relative paths → JSON text, or a data: URI for an image.
 */
export interface OfficeFiles {
  /** Where the files came from, as the user named it (e.g. "./office"): shown in errors and `origin`. */
  origin: string
  files: Record<string, string>
}

/** What a data directory may hold; anything else is ignored, so a README or .git beside it is harmless. */
export const OFFICE_FILE_PATTERN = /^(locales\/[a-z]{2}\/slogans\.json|locales\/slogans\.meta\.json|packs\/[a-z0-9-]+\.json|brand\.json|[\w./-]+\.(png|jpe?g))$/i

/** Image files become data: URIs, the form templates take pictures in (PNG or JPEG, as everywhere in qoyar). */
export const IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' }

/** Bounds on a data directory: it is configuration, not a media library. */
export const OFFICE_LIMITS = { files: 200, bytes: 8 * 1024 * 1024 }
