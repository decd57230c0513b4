/**
 * The app on a loopback port and a Chromium page on it, for the studio's browser tests: page errors and
 * any request the page makes outside our origin are collected in `errors`, for the tests to assert empty.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from './chromium.js'

export interface StudioSession {
  base: string
  browser: Browser
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

export async function openStudio(fetch: (req: Request) => Response | Promise<Response>, viewport: { width: number; height: number }, errors: string[]): Promise<StudioSession> {
  let server!: Server
  const info = await new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (i) => resolve(i)) as Server
  })
  const base = `http://127.0.0.1:${info.port}`
  const browser = await launchChromium()
  const context = await browser.newContext({ viewport, acceptDownloads: true })
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
  // Every request the page makes stays on our origin.
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) errors.push(`outside request: ${r.url()}`)
  })
  return {
    base,
    browser,
    context,
    page,
    async close() {
      await browser.close()
      server.closeAllConnections?.()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
