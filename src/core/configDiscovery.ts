/**
 * Which `.mlreport.json` applies, for the CLI and the editor alike: the nearest one walking up from a
 * folder, not past a boundary (the editor stops at the workspace folder; the CLI has none, so it walks
 * to the file system's root). The first one found applies even when it cannot be read or is not JSON:
 * its error is reported and the walk does not go on past it.
 *
 * The walk is written once, as steps that ask a host to stat or read a path. `syncConfigDiscovery`
 * answers them at once (the CLI, node:fs); `asyncConfigDiscovery` awaits them (the editor, vscode.workspace.fs).
 */
import type { ConfigProblem, ReportConfig } from './config';
import { CONFIG_FILE_NAME, defaultConfig, parseConfigText } from './config';
import type { KindSteps } from './configKinds';
import { loadConfigKinds } from './configKinds';

/** What a host says about a path: a file, nothing that could be one (absent, or a folder), or why it cannot tell. */
export type StatAnswer = 'file' | 'absent' | { problem: string };
/** A file's text, or why it cannot be read (`permission denied`). */
export type ReadAnswer = { text: string } | { problem: string };
/** A path with its symbolic links resolved, or why it cannot be. */
export type RealAnswer<P> = { path: P } | { problem: string };

/** How a host names paths: plain strings on the CLI, URIs in the editor. */
export interface ConfigPaths<P> {
  /** The folder holding `path`; `path` itself at the root. */
  parent(path: P): P;
  join(folder: P, name: string): P;
  /** Equal for the same path: for the boundary and the cache. */
  key(path: P): string;
}

export interface ConfigHost<P> extends ConfigPaths<P> {
  stat(path: P): StatAnswer;
  readFile(path: P): ReadAnswer;
  /** Resolves symbolic links, so a template linked from outside the config's folder is refused; a host without links omits it. */
  realPath?(path: P): RealAnswer<P>;
}

export interface AsyncConfigHost<P> extends ConfigPaths<P> {
  stat(path: P): Promise<StatAnswer>;
  readFile(path: P): Promise<ReadAnswer>;
  realPath?(path: P): Promise<RealAnswer<P>>;
}

/** Why a configuration file cannot be used; where in it, when it is not JSON. */
export interface ConfigError {
  message: string;
  at: { line: number; column: number; offset: number } | undefined;
}

export interface FoundConfig<P> {
  /** The `.mlreport.json` (or the file `--config` names). */
  path: P;
  /** The folder holding it: its `files` globs are relative to it. */
  folder: P;
  /** The default configuration when `error` is set. */
  config: ReportConfig;
  /** Set when the file cannot be read or is not JSON. */
  error: ConfigError | undefined;
  /** Unknown keys, rule ids or settings in valid JSON; the valid rest is in `config`. */
  warnings: readonly string[];
  /** Mistakes in `kinds`, `sections` or `overrides`, each at its key: the CLI exits 2, the rest applies. */
  problems: readonly ConfigProblem[];
}

/** Called once for each configuration file read, to report its error and warnings. */
export type OnConfigLoad<P> = (found: FoundConfig<P>) => void;

export interface ConfigDiscovery<P> {
  /** The configuration that applies to the files in `folder`, looking no higher than `stop` when given. */
  find(folder: P, stop?: P): FoundConfig<P> | undefined;
  /** Reads the configuration file at `path` (`--config FILE`). */
  load(path: P): FoundConfig<P>;
}

export interface AsyncConfigDiscovery<P> {
  find(folder: P, stop?: P): Promise<FoundConfig<P> | undefined>;
  load(path: P): Promise<FoundConfig<P>>;
}

/** Each folder is looked at once, and each configuration file read once, per discovery. */
export function syncConfigDiscovery<P>(host: ConfigHost<P>, onLoad: OnConfigLoad<P> = () => undefined): ConfigDiscovery<P> {
  const walk = new ConfigWalk(host, onLoad);
  const run = <T>(steps: Steps<P, T>): T => {
    let step = steps.next();
    while (!step.done) {
      const question = step.value;
      step = steps.next('stat' in question ? host.stat(question.stat) : 'read' in question ? host.readFile(question.read) : host.realPath ? host.realPath(question.real) : { path: question.real });
    }
    return step.value;
  };
  return { find: (folder, stop) => run(walk.find(folder, stop)), load: (path) => run(walk.load(path)) };
}

/** As `syncConfigDiscovery`, also for lookups running at the same time: they share the host's answers. */
export function asyncConfigDiscovery<P>(host: AsyncConfigHost<P>, onLoad: OnConfigLoad<P> = () => undefined): AsyncConfigDiscovery<P> {
  const walk = new ConfigWalk(host, onLoad);
  const answers = new Map<string, Promise<HostAnswer<P>>>();
  const ask = (question: HostQuestion<P>): Promise<HostAnswer<P>> => {
    const key = 'stat' in question ? `stat ${host.key(question.stat)}` : 'read' in question ? `read ${host.key(question.read)}` : `real ${host.key(question.real)}`;
    let answer = answers.get(key);
    if (!answer) {
      if ('stat' in question) answer = host.stat(question.stat);
      else if ('read' in question) answer = host.readFile(question.read);
      else answer = host.realPath ? host.realPath(question.real) : Promise.resolve({ path: question.real });
      answers.set(key, answer);
    }
    return answer;
  };
  const run = async <T>(steps: Steps<P, T>): Promise<T> => {
    let step = steps.next();
    while (!step.done) step = steps.next(await ask(step.value));
    return step.value;
  };
  return { find: (folder, stop) => run(walk.find(folder, stop)), load: (path) => run(walk.load(path)) };
}

type HostQuestion<P> = { stat: P } | { read: P } | { real: P };
type HostAnswer<P> = StatAnswer | ReadAnswer | RealAnswer<P>;
type Steps<P, T> = Generator<HostQuestion<P>, T, HostAnswer<P>>;

class ConfigWalk<P> {
  /** By folder and boundary: the configuration that applies there. */
  private readonly found = new Map<string, FoundConfig<P> | undefined>();
  /** By path: each configuration file read, so that walks running at the same time report it once. */
  private readonly byPath = new Map<string, FoundConfig<P>>();

  constructor(private readonly paths: ConfigPaths<P>, private readonly onLoad: OnConfigLoad<P>) {}

  *find(start: P, stop: P | undefined): Steps<P, FoundConfig<P> | undefined> {
    const cacheKey = (folder: P): string => `${this.paths.key(folder)}\n${stop === undefined ? '' : this.paths.key(stop)}`;
    const visited: string[] = [];
    let result: FoundConfig<P> | undefined;
    for (let folder = start; ; folder = this.paths.parent(folder)) {
      const key = cacheKey(folder);
      if (this.found.has(key)) {
        result = this.found.get(key);
        break;
      }
      visited.push(key);
      const candidate = this.paths.join(folder, CONFIG_FILE_NAME);
      const stat = yield* askStat(candidate);
      if (stat !== 'absent') {
        const content = stat === 'file' ? yield* this.read(candidate, folder) : unreadable(stat.problem);
        result = this.byPath.get(this.paths.key(candidate)) ?? this.loaded(candidate, folder, content);
        break;
      }
      const atTop = this.paths.key(this.paths.parent(folder)) === this.paths.key(folder);
      if (atTop || (stop !== undefined && this.paths.key(folder) === this.paths.key(stop))) break;
    }
    for (const key of visited) this.found.set(key, result);
    return result;
  }

  *load(path: P): Steps<P, FoundConfig<P>> {
    const folder = this.paths.parent(path);
    return this.loaded(path, folder, yield* this.read(path, folder));
  }

  private *read(path: P, folder: P): Steps<P, ConfigContent> {
    const read = yield* askRead(path);
    if ('problem' in read) return unreadable(read.problem);
    const parsed = parseConfigText(read.text);
    const syntax = parsed.syntaxError;
    const error = syntax && { message: syntax.message, at: { line: syntax.line, column: syntax.column, offset: syntax.offset } };
    if (error || (!parsed.config.templates && !parsed.config.sections)) return { config: parsed.config, error, warnings: parsed.problems, problems: parsed.located };
    const kinds = yield* kindSteps(loadConfigKinds(parsed, folder, this.paths));
    return { config: kinds.config, error, warnings: [...parsed.problems, ...kinds.warnings], problems: [...parsed.located, ...kinds.problems] };
  }

  private loaded(path: P, folder: P, content: ConfigContent): FoundConfig<P> {
    const found: FoundConfig<P> = { path, folder, ...content };
    this.byPath.set(this.paths.key(path), found);
    this.onLoad(found);
    return found;
  }
}

type ConfigContent = Pick<FoundConfig<never>, 'config' | 'error' | 'warnings' | 'problems'>;

function unreadable(problem: string): ConfigContent {
  return { config: defaultConfig(), error: { message: `cannot read the configuration: ${problem}`, at: undefined }, warnings: [], problems: [] };
}

/** Runs the kinds' steps inside the walk's: their questions are the host's too. */
function* kindSteps<P, T>(inner: KindSteps<P, T>): Steps<P, T> {
  let step = inner.next();
  while (!step.done) {
    const answer = yield step.value;
    if (typeof answer === 'string') throw new Error('a read was answered with a stat');
    step = inner.next(answer);
  }
  return step.value;
}

function* askStat<P>(path: P): Steps<P, StatAnswer> {
  const answer = yield { stat: path };
  if (typeof answer === 'string' || (!('text' in answer) && !('path' in answer))) return answer;
  throw new Error('a stat was answered with file contents or a path');
}

function* askRead<P>(path: P): Steps<P, ReadAnswer> {
  const answer = yield { read: path };
  if (typeof answer !== 'string' && !('path' in answer)) return answer;
  throw new Error('a read was answered with a stat or a path');
}
