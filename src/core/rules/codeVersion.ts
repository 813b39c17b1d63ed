import type { DocumentContext, DocumentRule } from './types';
import { answering, reportFacts } from './facts/reportFacts';
import type { Assessment } from './facts/roles';
import { inRole, roleIds, roleNotApplicable, rolePlace, roleSection, roleTitles, spanOf } from './facts/roles';
import type { Statement, StatementText } from './facts/reportText';

export const CODE_VERSION = 'code-version';

const URL = /\b(?:git\+)?(?:https?:\/\/|git@)[^\s)\]>"'`|]+|(?<![\w./@-])(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|git\.[\w-]+(?:\.[\w-]+)*)\/[\w.-]+\/[^\s)\]>"'`|,;]+/gi;
const CODE_HOST = /^(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|gitee\.com|sr\.ht|git\.sr\.ht|dev\.azure\.com|sourceforge\.net|[\w-]+\.visualstudio\.com)$|^(?:git|gitlab|github|gitea|forgejo|gerrit|code)[.-]|\.(?:gitlab|github)\./i;
/** A ref in a repository URL's path: `/tree/v1.2/`, `/blob/a1b2c3d/`, `/commit/…`, `/releases/tag/…`, `@v1.2.0`. */
const URL_REF = /\/(?:-\/)?(?:tree|blob|commit|commits|releases\/tag|tags|archive|src)\/([^/?#\s]+)|@([^/@\s]+)$/i;
/** A commit, tag or version next to the repository: `commit a1b2c3d`, `@a1b2c3d`, `v1.2.0`, `tag v1.2`. */
const VERSION = /(?<![\w/.-])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}(?![\w-])|\bv\d+(?:\.\d+)+(?:[-+][\w.]+)?\b|\b(?:tag|release|version|commit|revision|rev)\s*[:=]?\s*v?[\w.-]*\d[\w.-]*/i;
const NAMED_REPOSITORY = /\b[\w.-]+\/[\w.-]+\s+repo(?:sitory)?\b|\brepo(?:sitory)?\s+[\w.-]+\/[\w.-]+/i;
/** `` `org/repo` at commit `a1b2c3d` ``, `` `org/repo` at tag `spec-2.0` ``, `` `org/repo` @ `v1.2` ``, `` `org/repo@a1b2c3d` ``, `` `org/repo/`, commit 4f2a9c1 ``. */
const INLINE_REPOSITORY = /`[\w.-]+(?:\/[\w.-]+)+\/?(?:@([\w./-]+))?`(?:\s*,?\s*(?:(?:at\s+(?:the\s+)?)?(commit|tag|release|version|revision|rev)\s*:?\s*`?([\w./-]+)`?|@\s*`?([\w./-]+)`?))?/gi;
const VERSION_LABEL = /\b(?:commit|revision|rev|sha|hash|tag|version|release|ref)\b/i;

/** A repository URL in a statement, and whether the URL itself names a commit, tag or version. */
export function repositoryUrls(text: string): { url: string; pinned: boolean }[] {
  const found: { url: string; pinned: boolean }[] = [];
  for (const match of text.matchAll(URL)) {
    const url = match[0].replace(/[.,;:]+$/, '');
    const hostMatch = /^(?:git\+)?(?:https?:\/\/([^/:]+)|git@([^:]+):|([^/:]+)(?=\/))/i.exec(url);
    const host = hostMatch?.[1] ?? hostMatch?.[2] ?? hostMatch?.[3] ?? '';
    const path = url.slice(hostMatch?.[0].length ?? 0);
    if (!CODE_HOST.test(host) && !/\/-\//.test(path) && !/\.git(?:$|[@#])/.test(path)) continue;
    if (/^\/?(?:[^/]+\/)?(?:datasets|spaces)\//.test(path) && /huggingface/.test(host)) continue;
    const ref = URL_REF.exec(path);
    const name = ref?.[1] ?? ref?.[2];
    found.push({ url, pinned: name !== undefined && isVersionRef(name) });
  }
  return found;
}

/** Whether the statement's source names a repository in inline code with its commit or tag. */
export function pinnedInlineRepository(source: string): boolean {
  for (const match of source.matchAll(INLINE_REPOSITORY)) {
    const [, attached, label, labelledRef, afterRef] = match;
    const ref = (attached ?? afterRef)?.replace(/[.]+$/, '');
    const labelled = labelledRef?.replace(/[.]+$/, '');
    if (ref !== undefined && isVersionRef(ref)) return true;
    // A tag is the author's own name (`spec-2.0`); a branch is not a version, so a tag needs a digit.
    if (labelled !== undefined && (isVersionRef(labelled) || (/tag|release|version/i.test(label as string) && /\d/.test(labelled)))) return true;
  }
  return false;
}

/** A commit hash or a version-like tag; branch names (`main`, `dev`) are not. */
function isVersionRef(ref: string): boolean {
  return /^(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}$/i.test(ref) || /^v?\d+(?:[._-]\d+)+[\w.-]*$/i.test(ref) || /^(?:release|rel|tag)[-/_]?v?\d/i.test(ref) || /^v\d+$/i.test(ref);
}

/** A statement that names a repository: by URL, in words with a version, or in inline code with its commit or tag. */
function namesRepository(statement: StatementText, source: string): boolean {
  if (statement.kind === 'code') return false;
  if (repositoryUrls(statement.text).length > 0) return true;
  return (NAMED_REPOSITORY.test(statement.text) && VERSION.test(statement.text)) || pinnedInlineRepository(source.slice(statement.start, statement.end));
}

/** `**Commit**: a1b2c3d`, `- tag: v1.2`: a labelled version, which pins a repository named beside it. */
function labelsVersion(statement: StatementText): boolean {
  return statement.kind !== 'code' && statement.label !== undefined && VERSION_LABEL.test(statement.label) && VERSION.test(`${statement.label.match(VERSION_LABEL)?.[0] ?? ''} ${statement.value}`);
}

export function assessCodeVersion(ctx: DocumentContext): Assessment {
  if (roleNotApplicable(ctx, 'code')) return { findings: [], stated: undefined, place: rolePlace(ctx, 'code') };
  const facts = reportFacts(ctx);
  const place = rolePlace(ctx, 'code');
  const ids = roleIds(ctx, 'code');
  const home = roleSection(ctx, 'code');
  const unpinned: Statement[] = [];
  for (const statement of facts.stated(namesRepository)) {
    const urls = repositoryUrls(statement.text);
    if (urls.length === 0) {
      // `the org/repo repository at tag v1.2`: a repository named in words, with its version.
      if (NAMED_REPOSITORY.test(statement.text) && VERSION.test(statement.text)) return { findings: [], stated: spanOf(statement), place };
      if (pinnedInlineRepository(ctx.doc.text.slice(statement.start, statement.end))) return { findings: [], stated: spanOf(statement), place };
      continue;
    }
    if (urls.some((url) => url.pinned) || VERSION.test(statement.text.replace(URL, ' '))) return { findings: [], stated: spanOf(statement), place };
    const pin = [...facts.stated(labelsVersion)].some((other) => other !== statement && (statement.kind === 'frontMatter' ? other.kind === 'frontMatter' : other.section !== undefined && other.section === statement.section));
    if (pin) return { findings: [], stated: spanOf(statement), place };
    unpinned.push(statement);
  }
  // An unpinned repository where the code belongs is the report's code; elsewhere it may be a reference.
  const own = ids.length === 0 ? unpinned[0] : home && unpinned.find((statement) => inRole([home.spec.id], statement));
  if (own) {
    return {
      findings: [{ message: 'The code repository is not pinned: add the commit, tag or version the results come from (e.g. "@a1b2c3d" or "v1.2.0").', ...spanOf(own) }],
      stated: undefined,
      place,
    };
  }
  return {
    findings: [{ message: `The code is not identified: give its repository together with a commit, tag or version (e.g. "https://github.com/org/repo at v1.2.0"), in ${roleTitles(ctx, 'code')}.`, ...place }],
    stated: undefined,
    place,
  };
}

export const codeVersion: DocumentRule = {
  id: CODE_VERSION,
  description: 'The code is identified by a repository together with a commit, tag or version.',
  defaultSeverity: 'info',
  scope: 'document',
  optIn: true,
  quietWhereNotApplicable: true,
  check: (ctx) => assessCodeVersion(ctx).findings,
  prepare: answering([namesRepository, labelsVersion]),
};
