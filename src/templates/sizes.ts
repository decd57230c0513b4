/** Physical sizes: presets in millimetres at a dpi, with overrides, to exact pixels. */
import { z } from 'zod'
import { QoyarError } from '../errors.js'
import type { Canvas, Preset } from './types.js'

export const MM_PER_INCH = 25.4

export const sizeFields = z.object({
  preset: z.string().max(64).optional(),
  width: z.coerce.number().min(10).max(20_000).optional().describe('width in mm, overrides the preset'),
  height: z.coerce.number().min(10).max(20_000).optional().describe('height in mm, overrides the preset'),
  dpi: z.coerce.number().min(10).max(600).optional().describe('dots per inch, overrides the preset'),
})

export type SizeFields = z.output<typeof sizeFields>

export const DPI = { print: 300, screen: 96 } as const

export function pxPreset(id: string, title: Preset['title'], width: number, height: number): Preset {
  return { id, title, widthMm: (width / DPI.screen) * MM_PER_INCH, heightMm: (height / DPI.screen) * MM_PER_INCH, dpi: DPI.screen, medium: 'screen' }
}

export function resolveCanvas(presets: readonly Preset[], defaultPreset: string, size: SizeFields): Canvas {
  const preset = presets.find((p) => p.id === (size.preset ?? defaultPreset))
  if (!preset)
    throw new QoyarError(
      'unknown_preset',
      422,
      `No preset "${size.preset}"; choose one of ${presets.map((p) => p.id).join(', ')}.`,
      {
        preset: size.preset,
        presets: presets.map((p) => p.id),
      },
      { preset: String(size.preset), presets: presets.map((p) => p.id).join(', ') },
    )
  const widthMm = size.width ?? preset.widthMm
  const heightMm = size.height ?? preset.heightMm
  const dpi = size.dpi ?? preset.dpi
  const mm = (v: number) => (v / MM_PER_INCH) * dpi
  return {
    width: Math.round(mm(widthMm)),
    height: Math.round(mm(heightMm)),
    dpi,
    widthMm,
    heightMm,
    mm,
    medium: preset.medium ?? 'print',
    minLetterMm: preset.medium === 'screen' ? {} : (preset.minLetterMm ?? {}),
    minCondense: preset.minCondense ?? {},
  }
}
