/**
 * The colours a designer's brand gives, named by what they do on a sign, so
 * that one brand colours every template: each template says which of its
 * colour fields each one fills (`brandColors`).
 */
export const BRAND_ROLES = ['primary', 'onPrimary'] as const
/** primary: the office's colour (cloth, header red, accent); onPrimary: lettering set on it. */
export type BrandRole = (typeof BRAND_ROLES)[number]

/** The field a template names for an emblem or logo picture (a data: URI), placed where its design has room. */
export const EMBLEM_FIELD = 'emblem'
