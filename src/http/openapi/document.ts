/**
 * The OpenAPI 3.1 document of the app, built from the zod schemas the routes
 * validate with (text query, template fields, sizes, print options,
 * controls), one render/check/batch path per template so that each
 * template's fields are spelled out.
 */
import type { AppEnv } from '../../env.js'
import { designFile } from '../../design-file.js'
import { controls, printFields } from '../../render/template-render.js'
import { sizeFields } from '../../templates/sizes.js'
import { textQuery } from '../routes/text.js'
import { mergeObjects, queryParameters, schemaOf, type JsonSchema } from './schemas.js'
import { findPack } from '../../rules/evaluate.js'
import { DEFAULT_REGION } from '../../rules/packs.js'
import { fieldNamesOf, pairingOf, templateSchema } from '../../templates/pairing.js'
import type { TemplateDefinition } from '../../templates/types.js'
import { describeFor } from '../../templates/wording.js'

const defaultPairing = (env: AppEnv) => pairingOf(findPack(env.rulePacks, DEFAULT_REGION))

/** A template's fields under the default region's names (name_mn…); other regions rename them (GET /v1/templates?region=). */
function defaultFields(env: AppEnv, t: TemplateDefinition): JsonSchema {
  const lang = defaultPairing(env).minority.lang
  const { $schema: _drop, ...rest } = fieldNamesOf(t, lang).jsonSchema(templateSchema(t))
  return rest as JsonSchema
}

type Operation = Record<string, unknown>

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } })
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/Error${s}` }]))
const ERROR_TEXT: Record<number, string> = {
  304: 'Not modified (If-None-Match matched the ETag)',
  400: 'Bad parameter',
  404: 'Unknown route, template or format',
  413: 'Text, body, rows or image over a limit',
  422: 'Invalid fields, uncovered character, text does not fit, a tuned size under the sign’s minimum (tune_below_minimum), or a rule broken under strict=true',
}
/** The tune object (an object, so no query parameter of its own) as the flat keys a GET takes. */
const TUNE_QUERY =
  'A design’s tuning (the body’s `tune` object) goes in the query as one key per value: tune.<block>.<size|letter|line>, e.g. tune.title.size=0.9&tune.title:zh.letter=0.1.'
const IMAGE_HEADERS = {
  ETag: { description: 'strong: the normalised input and the build version', schema: { type: 'string' } },
  'X-Qoyar-Cache': { description: 'hit or miss (GET renders)', schema: { type: 'string', enum: ['hit', 'miss'] } },
}
const RENDER_HEADERS = {
  ...IMAGE_HEADERS,
  'X-Qoyar-Compliance': { description: 'pass, or fail; rules=<ids>', schema: { type: 'string' } },
  'X-Qoyar-Region': { description: 'the rule pack judged by', schema: { type: 'string' } },
  'X-Qoyar-Size': { description: 'width x height, px', schema: { type: 'string' } },
  'X-Qoyar-Dpi': { schema: { type: 'string' } },
  'X-Qoyar-Translation': { description: 'with slogan=: per language reviewed, office-reviewed, unreviewed or user-supplied', schema: { type: 'string' } },
}
const imageContent = (types: string[]) => Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]))
const lang = { name: 'lang', in: 'query', required: false, description: 'language of error messages: zh (default), en', schema: { type: 'string' } }

function page(summary: string, type: string, tag: string): Operation {
  return { get: { tags: [tag], summary, responses: { 200: { description: summary, content: { [type]: { schema: { type: 'string' } } } } } } }
}

function templatePaths(env: AppEnv): Record<string, Operation> {
  const paths: Record<string, Operation> = {}
  for (const t of env.templates) {
    const input = ref(`Render.${t.id}`)
    const query = queryParameters(mergeObjects(defaultFields(env, t), sizeFields, printFields, controls))
    const title = `${t.title.en} (${t.title.zh})`
    const format = { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['svg', 'png', 'pdf'] } }
    const rendered = {
      200: { description: 'the sign', headers: RENDER_HEADERS, content: imageContent(['image/svg+xml', 'image/png', 'application/pdf']) },
      ...errors(304, 400, 404, 413, 422),
    }
    paths[`/v1/render/${t.id}.{format}`] = {
      get: {
        tags: ['render'],
        operationId: `render-${t.id}-get`,
        summary: `Render ${title}`,
        description: `${describeFor(t.description, defaultPairing(env)).en} ${TUNE_QUERY}`,
        parameters: [format, ...query],
        responses: rendered,
      },
      post: {
        tags: ['render'],
        operationId: `render-${t.id}-post`,
        summary: `Render ${title} from a JSON body`,
        parameters: [format, lang],
        requestBody: { required: true, content: { 'application/json': { schema: { oneOf: [input, ref('DesignFile')] } } } },
        responses: rendered,
      },
    }
    const report = { 200: json(ref('CheckReport'), 'the compliance report, the text findings and where each block sits'), ...errors(400, 404, 413, 422) }
    paths[`/v1/check/${t.id}`] = {
      get: { tags: ['rules'], operationId: `check-${t.id}-get`, summary: `Check ${title} against a region's rules`, parameters: query, responses: report },
      post: {
        tags: ['rules'],
        operationId: `check-${t.id}-post`,
        summary: `Check ${title} from a JSON body`,
        parameters: [lang],
        requestBody: { required: true, content: { 'application/json': { schema: { oneOf: [input, ref('DesignFile')] } } } },
        responses: report,
      },
    }
    paths[`/v1/batch/${t.id}.{kind}`] = {
      post: {
        tags: ['bulk'],
        operationId: `batch-${t.id}`,
        summary: `One ${t.title.en} per row: CSV or JSON lines in, PDF or ZIP out`,
        description:
          'Other query keys are fields every row gets. The rows go as the body, or as the `rows` part of a multipart/form-data body whose `design` part (a saved design, or a JSON object of fields) gives every row what a URL cannot carry: an emblem or pictures as data: URIs, colours, tuning. A row’s cells win over the query, the query over the design; a column in the header fills its field in every row (a blank cell is a blank field, not the design’s value). At most 2 MB of rows, 2 MB of design and 500 rows; Accept: application/json returns the per-row report alone.',
        parameters: [
          { name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: ['pdf', 'zip'] } },
          { name: 'format', in: 'query', description: 'file type inside a ZIP', schema: { type: 'string', enum: ['png', 'svg', 'pdf'], default: 'png' } },
          { name: 'name', in: 'query', description: 'ZIP entry names from columns, e.g. {name_zh}', schema: { type: 'string' } },
          { name: 'map', in: 'query', description: 'column=field pairs, comma-separated', schema: { type: 'string' } },
          { name: 'sheet', in: 'query', schema: { type: 'string', enum: ['a4', 'a3'] } },
          { name: 'perSheet', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'bleed', in: 'query', schema: { type: 'number', minimum: 0 } },
          { name: 'marks', in: 'query', schema: { type: 'boolean' } },
          lang,
        ],
        requestBody: {
          required: true,
          description: `rows whose header names ${t.id}'s fields (see Render.${t.id})`,
          content: {
            'text/csv': { schema: { type: 'string' } },
            'application/x-ndjson': { schema: { type: 'string' } },
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['rows'],
                properties: {
                  rows: { type: 'string', description: 'the CSV or JSON lines (a file part, or a text field read as CSV)' },
                  design: { oneOf: [input, ref('DesignFile')], description: `every row's defaults: a saved design of ${t.id}, or its fields` },
                },
              },
              encoding: { rows: { contentType: 'text/csv, application/x-ndjson' }, design: { contentType: 'application/json' } },
            },
          },
        },
        responses: {
          200: {
            description: 'the PDF or ZIP, streamed; or the report',
            content: { ...imageContent(['application/pdf', 'application/zip']), 'application/json': { schema: { type: 'object' } } },
          },
          ...errors(400, 404, 413, 422),
        },
      },
    }
  }
  return paths
}

export function openApiDocument(env: AppEnv): Record<string, unknown> {
  const text = schemaOf(textQuery)
  const textOp = (type: string) => ({
    get: {
      tags: ['text'],
      operationId: `text-${type.split('/')[1]!.replace('+xml', '')}`,
      summary: 'A piece of text as an image cropped to its ink',
      parameters: [...queryParameters(text), lang],
      responses: { 200: { description: 'the image', headers: IMAGE_HEADERS, content: imageContent([type]) }, ...errors(304, 400, 413, 422) },
    },
    post: {
      tags: ['text'],
      operationId: `text-${type.split('/')[1]!.replace('+xml', '')}-post`,
      summary: 'The same, with the parameters in a JSON body (for texts longer than a URL allows)',
      requestBody: { required: true, content: { 'application/json': { schema: text } } },
      responses: { 200: { description: 'the image', headers: IMAGE_HEADERS, content: imageContent([type]) }, ...errors(400, 413, 422) },
    },
  })
  const mongolianCheck = {
    summary: 'Check Mongolian text: findings (legacy encoding, suffix spaces, vowel harmony, mixed scripts, stray controls) and the normalised text',
    responses: {
      200: json(
        {
          type: 'object',
          properties: { text: { type: 'string' }, findings: { type: 'array', items: { type: 'object' } }, normalized: { type: ['string', 'null'] } },
        },
        'the findings',
      ),
      ...errors(400, 413),
    },
  }
  const list = (summary: string, tag: string, schema: unknown = { type: 'object' }) => ({
    get: { tags: [tag], summary, responses: { 200: json(schema, summary) } },
  })
  const renderSchemas = Object.fromEntries(
    env.templates.map((t) => [
      `Render.${t.id}`,
      {
        ...mergeObjects(defaultFields(env, t), sizeFields, printFields, controls),
        title: t.title.en,
        description: describeFor(t.description, defaultPairing(env)).en,
      },
    ]),
  )
  return {
    openapi: '3.1.0',
    info: {
      title: 'qoyar',
      version: env.version,
      summary: 'Bilingual public signage (Traditional Mongolian + Chinese) to SVG, PNG and PDF, checked against regional rules',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: ['text', 'render', 'rules', 'bulk', 'catalogue', 'service', 'studio'].map((name) => ({ name })),
    paths: {
      '/healthz': list('Health check', 'service'),
      '/v1/fonts': list('The font manifest', 'catalogue'),
      '/v1/text.svg': textOp('image/svg+xml'),
      '/v1/text.png': textOp('image/png'),
      '/v1/mongolian/check': {
        get: {
          tags: ['text'],
          operationId: 'mongolian-check-get',
          parameters: [{ name: 'text', in: 'query', required: true, schema: { type: 'string' } }],
          ...mongolianCheck,
        },
        post: {
          tags: ['text'],
          operationId: 'mongolian-check-post',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } } } },
          },
          ...mongolianCheck,
        },
      },
      '/v1/templates': list('Templates with presets, fields (JSON Schema) and examples', 'catalogue'),
      ...templatePaths(env),
      '/v1/rules': list('Rule packs, each with its origin (built-in or office)', 'rules'),
      '/v1/slogans': list('The slogan catalogue: texts, sources, review status and origin per language', 'catalogue'),
      '/v1/openapi.json': list('This document', 'service'),
      '/docs': page('API reference (this document as HTML)', 'text/html', 'service'),
      ...(env.metrics ? { '/metrics': page('Prometheus metrics', 'text/plain', 'service') } : {}),
      '/studio': page('The studio: design a sign in the browser', 'text/html', 'studio'),
      '/studio/studio.css': page("The studio's stylesheet", 'text/css', 'studio'),
      '/studio/studio.js': page("The studio's script", 'text/javascript', 'studio'),
      '/studio/fonts/mongolian.ttf': page("The studio's Mongolian font", 'font/ttf', 'studio'),
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } },
          },
        },
        ComplianceReport: {
          type: 'object',
          properties: {
            region: { type: 'string' },
            pass: { type: 'boolean' },
            rules: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  pass: { type: 'boolean' },
                  measured: {},
                  expected: {},
                  text: { type: 'string' },
                  source: { type: 'object' },
                },
              },
            },
          },
        },
        CheckReport: {
          allOf: [ref('ComplianceReport')],
          type: 'object',
          properties: {
            text: {
              type: 'object',
              description: 'the Mongolian text checker: status and findings per field',
              properties: { status: { type: 'string' }, fields: { type: 'array' } },
            },
            design: {
              type: 'object',
              description:
                'where the design put things, as the image shows them (on a face drawn turned 180° too); px and mm from the top left corner of the sign',
              required: ['canvas', 'blocks', 'areas', 'folds'],
              properties: {
                canvas: {
                  type: 'object',
                  properties: {
                    widthPx: { type: 'number' },
                    heightPx: { type: 'number' },
                    dpi: { type: 'number' },
                    widthMm: { type: 'number' },
                    heightMm: { type: 'number' },
                  },
                },
                blocks: {
                  type: 'array',
                  description: "each text block's painted box",
                  items: {
                    type: 'object',
                    required: ['id', 'role', 'lang', 'px', 'mm'],
                    properties: {
                      id: { type: 'string', description: 'face:role:lang, or role:lang' },
                      role: { type: 'string' },
                      lang: { type: 'string' },
                      face: { type: 'string' },
                      field: { type: 'string', description: 'the template field the text comes from' },
                      px: ref('Rect'),
                      mm: ref('Rect'),
                    },
                  },
                },
                areas: {
                  type: 'array',
                  description: 'rectangles the text must stay inside: the safe area, or each face',
                  items: { type: 'object', properties: { id: { type: 'string' }, px: ref('Rect'), mm: ref('Rect') } },
                },
                folds: {
                  type: 'array',
                  description: 'fold lines across the sheet (desk cards)',
                  items: { type: 'object', properties: { yPx: { type: 'number' }, yMm: { type: 'number' } } },
                },
              },
            },
          },
        },
        DesignFile: {
          ...schemaOf(designFile),
          description: "a design saved by the studio (or by hand): its template and its render input; the template must be the route's",
        },
        Rect: {
          type: 'object',
          required: ['x', 'y', 'width', 'height'],
          properties: { x: { type: 'number' }, y: { type: 'number' }, width: { type: 'number' }, height: { type: 'number' } },
        },
        TextQuery: text,
        ...renderSchemas,
      } satisfies Record<string, JsonSchema>,
      responses: {
        ...Object.fromEntries([400, 404, 413, 422].map((s) => [`Error${s}`, json(ref('Error'), ERROR_TEXT[s]!)])),
        Error304: { description: ERROR_TEXT[304] },
      },
    },
  }
}
