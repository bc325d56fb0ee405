// Unit tests for the worker's choice of standard library and its fallback to the full one.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  missingModule,
  startWithFallback,
  stdlibAddresses,
} from "../../docs/assets/javascripts/calculator/worker-stdlib.js";

const STDLIBS = {
  pruned: "https://site.test/assets/calculator/abc/python_stdlib.zip",
  full: "https://site.test/assets/pyodide/314.0.7/python_stdlib.zip",
};

/** An error as Pyodide's PythonError carries it: the exception's type, and its traceback. */
function pythonError(type, last) {
  return Object.assign(new Error(`Traceback (most recent call last):\n  File "x.py", line 1\n${last}\n`), { type });
}

const MISSING = () => pythonError("ModuleNotFoundError", "ModuleNotFoundError: No module named 'difflib'");

/**
 * Starts a stand-in Python per standard library, whose `handle` answers or throws; a library
 * without one lacks a module already at the start.
 * @param {Record<string, (request: string) => string>} behaviour by standard library address
 */
function starter(behaviour) {
  const started = [];
  const start = async (stdlib) => {
    started.push(stdlib);
    if (!behaviour[stdlib]) throw MISSING();
    return { stdlib, handle: behaviour[stdlib] };
  };
  return { start, started };
}

test("the pruned library lies beside the lock file, the full one in the runtime's folder", () => {
  const runtime = "https://site.test/assets/pyodide/314.0.7/";
  const lock = "https://site.test/assets/calculator/abc/pyodide-lock.json";
  assert.deepEqual(stdlibAddresses(runtime, lock), STDLIBS);
});

test("only a failed import counts as a missing module", () => {
  assert.equal(missingModule(MISSING()), true);
  assert.equal(missingModule(pythonError("ImportError", "ImportError: cannot import name 'x' from 'json'")), true);
  assert.equal(missingModule(new Error("PythonError: x\nModuleNotFoundError: No module named 'asyncio'")), true);
  assert.equal(missingModule(pythonError("ValueError", "ValueError: no")), false);
  assert.equal(missingModule(new Error("HTTP 404")), false);
  assert.equal(missingModule(undefined), false);
});

test("with nothing missing, the pruned library answers and the full one is never fetched", async () => {
  const { start, started } = starter({ [STDLIBS.pruned]: (request) => `pruned:${request}` });
  const reports = [];
  const session = startWithFallback(start, STDLIBS, (message) => reports.push(message));
  const { python, text } = await session.handle("q");
  assert.equal(text, "pruned:q");
  assert.equal(session.isFallback(python), false);
  assert.deepEqual([started, reports], [[STDLIBS.pruned], []]);
});

test("a module missing in an answer: the full library answers it and every later one, reported once", async () => {
  const needy = (request) => {
    if (request === "typo") throw MISSING();
    return `pruned:${request}`;
  };
  const { start, started } = starter({ [STDLIBS.pruned]: needy, [STDLIBS.full]: (request) => `full:${request}` });
  const reports = [];
  const session = startWithFallback(start, STDLIBS, (message) => reports.push(message));
  assert.equal((await session.handle("a")).text, "pruned:a");
  const both = await Promise.all([session.handle("typo"), session.handle("typo")]);
  assert.deepEqual(both.map(({ text }) => text), ["full:typo", "full:typo"]);
  assert.equal(session.isFallback(both[0].python), true);
  assert.equal((await session.handle("b")).text, "full:b");
  assert.deepEqual(started, [STDLIBS.pruned, STDLIBS.full]);
  assert.equal(reports.length, 1);
  assert.match(reports[0], /No module named 'difflib'/);
});

test("a module missing at the start: ready comes from the full library", async () => {
  const { start, started } = starter({ [STDLIBS.full]: (request) => `full:${request}` });
  const reports = [];
  const session = startWithFallback(start, STDLIBS, (message) => reports.push(message));
  assert.equal(session.isFallback(await session.ready), true);
  assert.equal((await session.handle("a")).text, "full:a");
  assert.deepEqual([started, reports.length], [[STDLIBS.pruned, STDLIBS.full], 1]);
});

test("other errors are not a missing module: no fallback, the error goes on", async () => {
  const bug = () => {
    throw pythonError("ValueError", "ValueError: a bug of ours");
  };
  const { start, started } = starter({ [STDLIBS.pruned]: bug, [STDLIBS.full]: bug });
  const session = startWithFallback(start, STDLIBS, () => assert.fail("nothing to report"));
  await assert.rejects(session.handle("a"), /a bug of ours/);
  assert.deepEqual(started, [STDLIBS.pruned]);
});

test("a module the full library lacks too is an error of ours, not a second fallback", async () => {
  const lacking = () => {
    throw MISSING();
  };
  const { start, started } = starter({ [STDLIBS.pruned]: lacking, [STDLIBS.full]: lacking });
  const session = startWithFallback(start, STDLIBS, () => {});
  await assert.rejects(session.handle("a"), /No module named/);
  assert.deepEqual(started, [STDLIBS.pruned, STDLIBS.full]);
});
