/**
 * Everything a template file imports, from one module: zod and the shared
 * field pieces, the design kit's drawing helpers, sizes and types. Templates
 * describe design; what they may reach is what this module exports.
 */
import type { z } from 'zod'
import { tune } from './tune.js'
import type { TemplateDefinition } from './types.js'

export { z } from 'zod'
export { booleanish, colorOrTransparent, hexColor, signText } from '../schema.js'
import { TextDoesNotFitError } from '../errors.js'
export { QoyarError, TextDoesNotFitError } from '../errors.js'
export { inspectImage, type ImageInfo } from '../render/images.js'
export { minorityScale, order } from './fields.js'
export { canvasRoot, minLetterOf, movedBlocks, picture, rect, type DesignKit, type Placed } from './kit.js'
export { DPI, pxPreset } from './sizes.js'
export type { Canvas, Design, PlacedBlock, Preset, TemplateDefinition } from './types.js'
export type { El } from '../text/elements.js'
export type { Align, Box } from '../text/types.js'

/**
 * A template, checked against its own fields' type, as the list of every template holds it. The one
 * cast: `design` takes the template's own field type, which the list's wider `TemplateDefinition`
 * cannot name; the pipeline only ever hands a template the output of its own `fields` schema.
 */
export function defineTemplate<S extends z.ZodObject>(template: TemplateDefinition<S>): TemplateDefinition {
  // Every template takes the designer's tuning (tune.ts): the kit applies it, the design never reads it.
  return { ...template, fields: template.fields.safeExtend({ tune }) } as unknown as TemplateDefinition
}

/** A fit tried as one of several designs: null when its text does not fit at any size, so the next can be tried. */
export function fitsOrNull<T>(fit: () => T): T | null {
  try {
    return fit()
  } catch (e) {
    if (e instanceof TextDoesNotFitError) return null
    throw e
  }
}
