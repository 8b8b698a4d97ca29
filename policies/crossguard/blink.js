// The pack's one piece of work: hand what CrossGuard gives it to BlinkInfra's C# policies, through the CLI
// `./blink` builds and runs, and report each violation C# finds under the C# policy's name, at the level C#
// decided. No rule, no policy list and no level check lives here:
// - when the pack starts, `policies --json --pulumi-config` says each policy's code, kind and level under the
//   stack's config (PULUMI_CONFIG), or stops the pack with C#'s message naming the key;
// - a policy one resource decides (kind "resource") is a validateResource policy, enforced as CrossGuard
//   registers each resource, by one long-lived `check --resources - --each` (a resource per line);
// - a policy the stack decides (kind "stack") is a validateStack policy: `check --resources - --json -` once
//   per stack, over every resource.
"use strict";

const childProcess = require("child_process");
const fs = require("fs");
const path = require("path");

const manifest = require("./policies.json");

const PACK_NAME = "blink-infra";
const DESCRIPTION = `BlinkInfra's policy packs (${manifest.packs.join(", ")}), evaluated by BlinkInfra's C# policies`;

// What Pulumi hands a policy for a value known only after the update (pulumi/pulumi sdk/nodejs/runtime/rpc.ts
// unknownValue); @pulumi/policy throws on reading one (proxy.ts UnknownValueError). Sent to C# as this text,
// where rules take it as an opaque value, as they take a plan's references (`${name.id}`).
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const REPOSITORY = path.resolve(__dirname, "..", "..");
// The repository's entry point: it runs the CLI it builds (bin/<sdk>/cli/BlinkInfra.dll, or the native
// bin/offline/aot/BlinkInfra once built), rebuilt only when its inputs changed (see the script).
const BLINK = path.join(REPOSITORY, "blink");

/**
 * How to start BlinkInfra's CLI: BLINKINFRA_CLI (or BLINKINFRA_DLL, its former name), a built BlinkInfra.dll run
 * by dotnet or the native executable; otherwise the repository's ./blink, so the pack runs the build the CLI
 * uses. ./blink looks at its inputs on each start and builds only when one changed; it is started at most
 * three times per update: at the start, once per stack validation, and the per-resource process.
 */
function cliCommand(env = process.env) {
    const [variable, given] = env.BLINKINFRA_CLI ? ["BLINKINFRA_CLI", env.BLINKINFRA_CLI] : env.BLINKINFRA_DLL ? ["BLINKINFRA_DLL", env.BLINKINFRA_DLL] : [];
    if (given) {
        const file = path.resolve(given);
        if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
            throw new Error(`${variable} is ${given}, which is not a file; allowed: the path of a built BlinkInfra.dll (bin/<sdk>/cli/BlinkInfra.dll after ./blink build) or the native CLI (bin/offline/aot/BlinkInfra), or unset to run ${BLINK}`);
        }
        return file.endsWith(".dll") ? { file: env.BLINKINFRA_DOTNET || "dotnet", args: [file], what: `dotnet ${file}` } : { file, args: [], what: file };
    }
    if (!fs.existsSync(BLINK)) {
        throw new Error(`BlinkInfra's ./blink is not at ${BLINK}: run the pack from BlinkInfra's repository (policies/crossguard), or set BLINKINFRA_CLI to a built BlinkInfra.dll or native CLI`);
    }
    return { file: BLINK, args: [], what: BLINK };
}

/** The CLI's environment: the pack's, without the engine's monitor (started by the engine, BlinkInfra deploys; here it must be the offline CLI). */
function childEnv(env) {
    const copy = { ...env };
    delete copy.PULUMI_MONITOR;
    return copy;
}

/**
 * Each policy with its code, kind and level under the stack's config, as C# reads `blink-infra:policy.levels` from
 * PULUMI_CONFIG (the config the Pulumi CLI hands a policy pack's process; pulumi/pulumi
 * pkg/resource/plugin/analyzer_plugin.go): `policies --json --pulumi-config`, once, when the pack starts. A wrong
 * level or an unknown policy stops the pack with C#'s message, which names the key.
 */
function policyList(env = process.env) {
    const cli = cliCommand(env);
    const run = childProcess.spawnSync(cli.file, [...cli.args, "policies", "--json", "--pulumi-config"], { env: childEnv(env), encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    if (run.error) {
        throw new Error(`could not start BlinkInfra's CLI (${cli.what}): ${run.error.message}${run.error.code === "ENOENT" ? "; the .NET SDK (dotnet, 10.0 or later) is needed" : ""}`);
    }
    if (run.status !== 0) {
        // C#'s own lines (`refused as invalid config (exit 2): ...`), ./blink's build notes left out.
        const said = run.stderr.split("\n").filter(line => line.trim() && !line.startsWith("blink: ")).join("\n").trim();
        throw new Error(said || `BlinkInfra's policies --json --pulumi-config exited ${run.status}`);
    }
    return parseJson(run.stdout, "BlinkInfra's policies --json");
}

/** The stack's levels that differ from a policy's default, as `check --resources` takes them (policyLevels). */
function stackLevels(list) {
    return Object.fromEntries(list.policies.filter(p => p.enforcementLevel !== p.defaultLevel).map(p => [p.name, p.enforcementLevel]));
}

/**
 * One CrossGuard policy per C# policy, named as it is, of its kind, at its level under the stack's config. The stack
 * policies share one evaluation per stack (memoised); the resource policies one answer per resource, from one
 * long-lived process (see resourceEvaluator).
 */
function policies(env, evaluateList = evaluate, evaluateResource = undefined) {
    const list = policyList(env);
    const levels = stackLevels(list);
    const memo = memoised(resources => evaluateList(resources, env));
    let perResource = evaluateResource;
    return list.policies.map(policy => {
        const declared = {
            name: policy.name,
            description: `${policy.pack}: ${policy.description}`,
            enforcementLevel: policy.enforcementLevel,
        };
        if (policy.kind === "resource") {
            declared.validateResource = async (args, reportViolation) => {
                perResource = perResource || resourceEvaluator(env);
                const report = await perResource(toResourceList([args], levels));
                // The resource is the one registered: each violation on its URN.
                for (const violation of violationsOf(report, policy.name, [{ type: args.type, name: args.name, urn: args.urn }])) {
                    reportViolation(violation.message, args.urn);
                }
            };
        } else {
            declared.validateStack = async (args, reportViolation) => {
                const resources = toResourceList(args.resources, levels);
                const report = await memo(resources);
                const notApplicable = (report.notApplicable || []).find(n => n.policy === policy.name);
                if (notApplicable) {
                    args.notApplicable(notApplicable.reason);
                }
                for (const violation of violationsOf(report, policy.name, resources.resources)) {
                    reportViolation(violation.message, violation.urn);
                }
            };
        }
        return declared;
    });
}

/**
 * The violations of one policy in a C# report, each on the URN of the resource it names: a report names
 * resources by type and name, which a stack's URNs hold. A stack-wide violation has no URN; so has one
 * whose type and name two resources share (different parents), its message then naming them. Each message
 * starts with the policy's code, as the CLI prints it, which `./blink explain CODE` explains.
 */
function violationsOf(report, policyName, resources) {
    return report.violations
        .filter(v => v.policy === policyName)
        .map(v => {
            const code = v.code ? `${v.code}: ` : "";
            if (v.resourceType === null || v.resourceType === undefined) {
                return { level: v.level.toLowerCase(), message: code + v.message };
            }
            const urns = resources.filter(r => r.type === v.resourceType && r.name === v.resourceName).map(r => r.urn);
            return urns.length === 1
                ? { level: v.level.toLowerCase(), urn: urns[0], message: code + v.message }
                : { level: v.level.toLowerCase(), message: `${code}${v.resourceType}: ${v.resourceName}: ${v.message}` };
        });
}

/** CrossGuard's resources in the shape `check --resources` reads (tools/State/ResourceListFile.cs). */
function toResourceList(resources, levels = {}) {
    return {
        policyLevels: levels,
        // A stack validation is handed secrets decrypted and unmarked (@pulumi/policy deserializeProperties).
        secretsMarked: false,
        resources: resources.map(r => {
            const resource = {
                type: r.type,
                name: r.name,
                urn: r.urn,
                props: plain(r.props),
                dependencies: (r.dependencies || []).map(d => d.urn),
                propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies || {}).map(([key, on]) => [key, on.map(d => d.urn)])),
                protect: Boolean(r.opts && r.opts.protect),
            };
            const parent = r.parent ? r.parent.urn : r.opts && r.opts.parent;
            if (parent) resource.parent = parent;
            if (r.provider) resource.provider = r.provider.urn;
            return resource;
        }),
    };
}

/** A resource's props as plain JSON: every value read through CrossGuard's proxy, an unknown one as UNKNOWN. */
function plain(value) {
    if (value === null || typeof value !== "object") {
        return value;
    }
    if (Array.isArray(value)) {
        const list = [];
        for (let i = 0; i < value.length; i++) {
            const item = read(value, i);
            list.push(item === undefined ? null : item);
        }
        return list;
    }
    const object = {};
    for (const key of Object.keys(value)) {
        const item = read(value, key);
        if (item !== undefined && typeof item !== "function") {
            object[key] = item;
        }
    }
    return object;
}

function read(container, key) {
    try {
        return plain(container[key]);
    } catch (e) {
        if (e && e.constructor && e.constructor.name === "UnknownValueError") {
            return UNKNOWN;
        }
        throw e;
    }
}

/** The C# report for a resource list, every policy: runs `check --resources - --json -` (see cliCommand). */
function evaluate(list, env = process.env) {
    const cli = cliCommand(env);
    return new Promise((resolve, reject) => {
        const child = childProcess.spawn(cli.file, [...cli.args, "check", "--resources", "-", "--json", "-"], {
            env: childEnv(env),
            stdio: ["pipe", "pipe", "pipe"],
        });
        let out = "";
        let err = "";
        child.stdout.setEncoding("utf8").on("data", chunk => { out += chunk; });
        child.stderr.setEncoding("utf8").on("data", chunk => { err += chunk; });
        child.on("error", e => reject(new Error(`could not start BlinkInfra's policies (${cli.what}): ${e.message}`)));
        child.on("close", code => {
            // 0: no mandatory violation, 1: some; both write the report. 2: invalid input, 3: an internal error.
            if (code === 0 || code === 1) {
                try {
                    resolve(JSON.parse(out));
                } catch (e) {
                    reject(new Error(`BlinkInfra's check wrote no report (${e.message}): ${err.trim()}`));
                }
            } else {
                reject(new Error(`BlinkInfra's check --resources exited ${code}: ${err.trim()}`));
            }
        });
        child.stdin.on("error", () => { /* the child's exit says why */ });
        child.stdin.end(JSON.stringify(list));
    });
}

/**
 * The C# report of the policies one resource decides, for a list of one resource, from ONE long-lived
 * `check --resources - --each` that reads a list per line and answers a line each, in order.
 * Why one process: CrossGuard calls validateResource for every resource of an update and every resource
 * policy. Measured 2026-12-05 (2 cores, the ReadyToRun CLI by dotnet): prod-hangzhou's 129 resources, a line
 * each, take 0.25 s through one process; one process per resource takes 0.17 s each, 22 s for the stack (more
 * through ./blink). Batching would wait for resources the engine sends one at a time. Answers are
 * memoised per resource, so its policies share one. The process holds the event loop only while an answer is
 * awaited (unref'd otherwise), and ends with its input when the pack's process ends; one that died is started
 * again on the next resource.
 */
function resourceEvaluator(env = process.env) {
    let child;
    let pending = [];
    let buffered = "";
    const answers = new Map();
    const hold = (process, on) => {
        for (const handle of [process, process.stdin, process.stdout, process.stderr]) {
            if (handle && typeof handle.ref === "function") on ? handle.ref() : handle.unref();
        }
    };
    const start = () => {
        const cli = cliCommand(env);
        const started = childProcess.spawn(cli.file, [...cli.args, "check", "--resources", "-", "--each"], { env: childEnv(env), stdio: ["pipe", "pipe", "pipe"] });
        let err = "";
        started.stderr.setEncoding("utf8").on("data", chunk => { err += chunk; });
        started.stdout.setEncoding("utf8").on("data", chunk => {
            buffered += chunk;
            let end;
            while ((end = buffered.indexOf("\n")) >= 0) {
                const line = buffered.slice(0, end);
                buffered = buffered.slice(end + 1);
                const waiting = pending.shift();
                if (!waiting) continue;
                try {
                    const answer = JSON.parse(line);
                    if (answer.error) waiting.reject(new Error(`BlinkInfra's check --resources - --each: ${answer.error}`));
                    else waiting.resolve(answer);
                } catch (e) {
                    waiting.reject(new Error(`BlinkInfra's check --resources - --each wrote no report (${e.message}): ${line}`));
                }
            }
            if (pending.length === 0) hold(started, false);
        });
        const fail = reason => {
            if (child === started) child = undefined;
            const failed = pending;
            pending = [];
            buffered = "";
            for (const waiting of failed) waiting.reject(new Error(reason));
        };
        started.on("error", e => fail(`could not start BlinkInfra's policies (${cli.what}): ${e.message}`));
        started.on("close", code => fail(`BlinkInfra's check --resources - --each exited ${code}: ${err.trim()}`));
        started.stdin.on("error", () => { /* the close says why */ });
        return started;
    };
    return list => {
        const key = JSON.stringify(list);
        if (answers.has(key)) return answers.get(key);
        child = child || start();
        hold(child, true);
        const answer = new Promise((resolve, reject) => pending.push({ resolve, reject }));
        child.stdin.write(key + "\n");
        // The last resources' answers: CrossGuard asks a resource's policies one after another (a stack has a few hundred at most).
        answers.set(key, answer);
        if (answers.size > 512) answers.delete(answers.keys().next().value);
        answer.catch(() => answers.delete(key));
        return answer;
    };
}

/** One evaluation per resource list, however many policies ask: the last list's report is kept. */
function memoised(evaluateList) {
    let lastKey;
    let lastReport;
    return list => {
        const key = JSON.stringify(list);
        if (key !== lastKey) {
            lastKey = key;
            lastReport = evaluateList(list);
        }
        return lastReport;
    };
}

function parseJson(text, what) {
    try {
        return JSON.parse(text);
    } catch (e) {
        throw new Error(`${what} is not JSON: ${e.message}`);
    }
}

module.exports = { PACK_NAME, DESCRIPTION, UNKNOWN, REPOSITORY, policies, policyList, stackLevels, toResourceList, violationsOf, evaluate, resourceEvaluator, cliCommand };
