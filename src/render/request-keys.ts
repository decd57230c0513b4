/**
 * The keys a render request reads itself; every other key is a template field.
 * Plain data, shared by the pipeline (template-render.ts), the HTTP input
 * reader and the studio's browser script.
 */
export const SIZE_KEYS = ['preset', 'width', 'height', 'dpi'] as const
/** Print options: only PDF reads them, but they are part of every request's identity. */
export const PRINT_KEYS = ['bleed', 'marks', 'sheet', 'copies'] as const
export const CONTROL_KEYS = ['region', 'strict', 'lang', 'slogan', 'normalize'] as const
/** Slogan variables: v.years=75 fills {{years}}. */
export const VARIABLE_PREFIX = 'v.'
