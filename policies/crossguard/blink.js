// The pack's one piece of work: hand the resources CrossGuard gives a stack validation to BlinkInfra's C#
// policy evaluator (`dotnet BlinkInfra.dll check --resources - --json -`) and report each violation it finds
// under the C# policy's name, on the resource's URN, at the level C# decided. No rule lives here.
"use strict";

const childProcess = require("child_process");
const fs = require("fs");
const path = require("path");

const manifest = require("./policies.json");

const PACK_NAME = "blink-infra";
const DESCRIPTION = `BlinkInfra's policy packs (${manifest.packs.join(", ")}), evaluated by BlinkInfra's C# policies`;
const LEVELS = ["mandatory", "advisory", "disabled"];

// What Pulumi hands a policy for a value known only after the update (pulumi/pulumi sdk/nodejs/runtime/rpc.ts
// unknownValue); @pulumi/policy throws on reading one (proxy.ts UnknownValueError). Sent to C# as this text,
// where rules take it as an opaque value, as they take a plan's references (`${name.id}`).
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

// Where BlinkInfra.dll is: BLINKINFRA_DLL, else the newer of what `./blink build` writes for each SDK.
const REPOSITORY = path.resolve(__dirname, "..", "..");
const DEFAULT_DLLS = ["real", "offline"].map(sdk => path.join(REPOSITORY, "bin", sdk, "Debug", "net10.0", "BlinkInfra.dll"));

/**
 * The stack's overrides of policy levels, `blink-infra:policy.levels`, from the stack's config the Pulumi
 * CLI hands a policy pack's process (PULUMI_CONFIG, a JSON object of "namespace:key" to its value as text;
 * pulumi/pulumi pkg/resource/plugin/analyzer_plugin.go). An empty object when there is none.
 */
function stackLevels(env) {
    if (!env.PULUMI_CONFIG) {
        return {};
    }
    const config = parseJson(env.PULUMI_CONFIG, "PULUMI_CONFIG");
    const policy = config["blink-infra:policy"];
    if (policy === undefined) {
        return {};
    }
    const levels = (typeof policy === "string" ? parseJson(policy, "blink-infra:policy") : policy).levels;
    if (levels === undefined) {
        return {};
    }
    if (levels === null || typeof levels !== "object" || Array.isArray(levels)) {
        throw new Error(`blink-infra:policy.levels = ${JSON.stringify(levels)}: allowed: a map of policy name to ${LEVELS.join(", ")}`);
    }
    const names = manifest.policies.map(p => p.name);
    for (const [name, level] of Object.entries(levels)) {
        if (!names.includes(name)) {
            throw new Error(`blink-infra:policy.levels["${name}"]: unknown policy "${name}"; allowed: ${names.join(", ")}`);
        }
        if (!LEVELS.includes(level)) {
            throw new Error(`blink-infra:policy.levels["${name}"] = ${JSON.stringify(level)}: unknown enforcement level; allowed: ${LEVELS.join(", ")}`);
        }
    }
    return levels;
}

/**
 * One stack policy per C# policy, named as it is, at its default level or the stack's override. Every
 * policy runs the same evaluation once per stack (memoised) and reports its own violations.
 */
function policies(env, evaluateList = evaluate) {
    const levels = stackLevels(env);
    const memo = memoised(list => evaluateList(list, env));
    return manifest.policies.map(policy => ({
        name: policy.name,
        description: `${policy.pack}: ${policy.description}`,
        enforcementLevel: levels[policy.name] || policy.enforcementLevel,
        validateStack: async (args, reportViolation) => {
            const list = toResourceList(args.resources, levels);
            const report = await memo(list);
            const notApplicable = (report.notApplicable || []).find(n => n.policy === policy.name);
            if (notApplicable) {
                args.notApplicable(notApplicable.reason);
            }
            for (const violation of violationsOf(report, policy.name, list.resources)) {
                reportViolation(violation.message, violation.urn);
            }
        },
    }));
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

/** The C# report for a resource list: runs `dotnet BlinkInfra.dll check --resources - --json -`. */
function evaluate(list, env = process.env) {
    const dll = findDll(env);
    const childEnv = { ...env };
    // Started by the engine, BlinkInfra deploys; here it must be the offline CLI.
    delete childEnv.PULUMI_MONITOR;
    return new Promise((resolve, reject) => {
        const child = childProcess.spawn(env.BLINKINFRA_DOTNET || "dotnet", [dll, "check", "--resources", "-", "--json", "-"], {
            env: childEnv,
            stdio: ["pipe", "pipe", "pipe"],
        });
        let out = "";
        let err = "";
        child.stdout.setEncoding("utf8").on("data", chunk => { out += chunk; });
        child.stderr.setEncoding("utf8").on("data", chunk => { err += chunk; });
        child.on("error", e => reject(new Error(e.code === "ENOENT"
            ? `the .NET runtime (dotnet, 10.0 or later) is needed to run BlinkInfra's policies: ${e.message}`
            : `could not start BlinkInfra's policies (dotnet ${dll}): ${e.message}`)));
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

/** BlinkInfra.dll: BLINKINFRA_DLL, or the newer of the builds `./blink build` writes in this repository. */
function findDll(env = process.env) {
    if (env.BLINKINFRA_DLL) {
        const dll = path.resolve(env.BLINKINFRA_DLL);
        if (!fs.existsSync(dll)) {
            throw new Error(`BLINKINFRA_DLL is ${env.BLINKINFRA_DLL}, which does not exist; allowed: the path of a built BlinkInfra.dll (./blink build)`);
        }
        return dll;
    }
    // The newer build, should both SDKs' be there.
    const found = DEFAULT_DLLS.filter(dll => fs.existsSync(dll)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
    if (!found) {
        throw new Error(`BlinkInfra.dll is not built: none of ${DEFAULT_DLLS.join(", ")} exists; run ./blink build in ${REPOSITORY}, or set BLINKINFRA_DLL to a built BlinkInfra.dll`);
    }
    return found;
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

module.exports = { PACK_NAME, DESCRIPTION, UNKNOWN, policies, stackLevels, toResourceList, violationsOf, evaluate, findDll };
