// The report view of a Word or PDF file: the text read from it, shown read-only (its findings name their place in
// the original file; see lsp/published.ts).
import { ResponseError, type Connection } from 'vscode-languageserver';
import { invalidParams, plainUri } from '../lsp/guard';
import { unlessCancelled } from '../lsp/requests';
import type { Services } from '../lsp/services';
import { uriToPath } from '../lsp/settings';
import { REPORT_VIEW, type ReportViewText } from '../protocol';

/** The text read from a Word or PDF file, shown as its report view; a damaged file gives an empty view and one finding saying why. */
export function register(connection: Connection, services: Services): void {
  connection.onRequest(REPORT_VIEW, async (params, token) => {
    const uri = plainUri(params);
    if (uri instanceof ResponseError) return uri;
    const file = uriToPath(uri);
    if (!file) return invalidParams('uri');
    const read = await unlessCancelled(services.publishedFiles.read(file), token);
    if (read instanceof ResponseError) return read;
    const answer: ReportViewText = { text: read.extracted.text, format: read.extracted.format };
    return answer;
  });
}
