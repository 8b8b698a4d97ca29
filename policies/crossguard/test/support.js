// Test helpers: resources as CrossGuard hands them to a stack validation, the pack's policies run as the
// @pulumi/policy server runs them, and BlinkInfra's own `check --stack` to compare with.
"use strict";

const childProcess = require("child_process");
const fs = require("fs");
const path = require("path");
const { unknownCheckingProxy } = require("@pulumi/policy/proxy");
const blink = require("../blink");

const REPOSITORY = path.resolve(__dirname, "..", "..", "..");
const FIXTURES = path.join(__dirname, "fixtures");
// The example stacks: an explicit list (each has a pinned plan, tests/Fixtures/plans, and a fixture here),
// never the folder's listing. Any other stack file in stacks/ is the user's own (./blink init writes one
// there): checked by its own tests, never compared with a fixture.
const STACKS = ["dev", "gpu-shanghai", "prod-hangzhou"];

/** The stacks of a project's stacks/ folder (default: this repository's) that are not examples, by name. */
function userStacks(repository = REPOSITORY) {
    return fs.readdirSync(path.join(repository, "stacks"))
        .map(file => /^Pulumi\.(.+)\.yaml$/.exec(file))
        .filter(Boolean)
        .map(match => match[1])
        .filter(stack => !STACKS.includes(stack))
        .sort();
}

function fixture(name) {
    return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8"));
}

/**
 * A resource list in the fixtures' shape as @pulumi/policy's analyzeStack hands it to validateStack
 * (server.ts): props behind its unknown-checking proxy, parent, dependencies and property dependencies as
 * the resource objects, provider as {type, name, urn, props}, options under opts.
 */
function asCrossGuard(list) {
    const byUrn = new Map();
    const resources = list.resources.map(r => {
        const resource = {
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: unknownCheckingProxy(r.props || {}),
            opts: { protect: Boolean(r.protect), ignoreChanges: [], aliases: [], customTimeouts: {}, additionalSecretOutputs: [], parent: r.parent },
            dependencies: [],
            propertyDependencies: {},
        };
        byUrn.set(r.urn, resource);
        return resource;
    });
    list.resources.forEach((r, i) => {
        const resource = resources[i];
        if (r.parent && byUrn.has(r.parent)) resource.parent = byUrn.get(r.parent);
        resource.dependencies = (r.dependencies || []).map(u => byUrn.get(u)).filter(Boolean);
        for (const [key, on] of Object.entries(r.propertyDependencies || {})) {
            resource.propertyDependencies[key] = on.map(u => byUrn.get(u)).filter(Boolean);
        }
        if (r.provider && byUrn.has(r.provider)) {
            const provider = byUrn.get(r.provider);
            resource.provider = { type: provider.type, name: provider.name, urn: provider.urn, props: provider.props };
        }
    });
    return resources;
}

class NotApplicable extends Error {
    constructor(reason) {
        super(reason);
        this.reason = reason;
    }
}

/**
 * Every policy of the pack run as the server runs them: disabled ones skipped; a resource policy on each resource in
 * turn (validateResource, as CrossGuard registers it: its props, urn, name, opts and provider), a stack policy once
 * over them all (validateStack); each violation at the policy's level, on the resource's URN; what a policy calls
 * not applicable collected.
 */
async function runPack(list, env = {}) {
    const violations = [];
    const notApplicable = [];
    const resources = asCrossGuard(list);
    const report = (policy, urn, message) => violations.push(urn === undefined
        ? { policy: policy.name, level: policy.enforcementLevel, message }
        : { policy: policy.name, level: policy.enforcementLevel, urn, message });
    for (const policy of blink.policies({ ...process.env, ...env })) {
        if (policy.enforcementLevel === "disabled") continue;
        const notApplicableHere = reason => { throw new NotApplicable(reason); };
        try {
            if (policy.validateResource) {
                for (const resource of resources) {
                    const args = { type: resource.type, props: resource.props, urn: resource.urn, name: resource.name, opts: resource.opts, provider: resource.provider, notApplicable: notApplicableHere };
                    await policy.validateResource(args, message => report(policy, resource.urn, message));
                }
            } else {
                const args = { resources, stackTags: new Map(), getConfig: () => ({}), notApplicable: notApplicableHere };
                await policy.validateStack(args, (message, urn) => report(policy, urn, message));
            }
        } catch (e) {
            if (!(e instanceof NotApplicable)) throw e;
            notApplicable.push({ policy: policy.name, reason: e.reason });
        }
    }
    return { violations: sorted(violations), notApplicable };
}

/** The CLI the pack runs (see blink.cliCommand), with these arguments, in a project (default: this repository). */
function runCli(args, cwd = REPOSITORY) {
    const cli = blink.cliCommand(process.env);
    return childProcess.spawnSync(cli.file, [...cli.args, ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** A stack's plan, `plan --stack NAME --json -`, run in a project (default: this repository). */
function planStack(stack, cwd = REPOSITORY) {
    const run = runCli(["plan", "--stack", stack, "--json", "-"], cwd);
    if (run.status !== 0 && run.status !== 1) {
        throw new Error(`plan --stack ${stack} exited ${run.status}: ${run.stderr}`);
    }
    return JSON.parse(run.stdout);
}

/** BlinkInfra's own verdict on a stack, `check --stack NAME --json -`, its resources named by URN. */
function checkStack(stack, list, cwd = REPOSITORY) {
    const run = runCli(["check", "--stack", stack, "--json", "-"], cwd);
    if (run.status !== 0 && run.status !== 1) {
        throw new Error(`check --stack ${stack} exited ${run.status}: ${run.stderr}`);
    }
    const report = JSON.parse(run.stdout);
    return sorted(report.violations.map(v => {
        const urn = v.resourceType === null ? undefined : list.resources.find(r => r.type === v.resourceType && r.name === v.resourceName).urn;
        // The pack says each message after its policy's code, as the CLI prints it.
        const message = `${v.code}: ${v.message}`;
        return urn === undefined
            ? { policy: v.policy, level: v.level.toLowerCase(), message }
            : { policy: v.policy, level: v.level.toLowerCase(), urn, message };
    }));
}

function sorted(violations) {
    const key = v => `${v.policy}\u0000${v.urn || ""}\u0000${v.message}`;
    return [...violations].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function clone(value) {
    return JSON.parse(JSON.stringify(value));
}

/**
 * The environment the Pulumi CLI hands a policy pack for a stack whose plan (plan --json) sets policy levels: its
 * config, PULUMI_CONFIG, with blink-infra:policy.levels (as a stack of prod-hangzhou's would).
 */
function levelsEnv(plan) {
    const levels = plan.settings && plan.settings.policyLevels;
    return levels ? { PULUMI_CONFIG: JSON.stringify({ "blink-infra:policy": JSON.stringify({ levels }) }) } : {};
}

/** An example stack's pinned plan. */
function pinnedPlan(stack) {
    return JSON.parse(fs.readFileSync(path.join(REPOSITORY, "tests", "Fixtures", "plans", `${stack}.json`), "utf8"));
}

module.exports = { runCli, REPOSITORY, STACKS, userStacks, fixture, asCrossGuard, runPack, planStack, checkStack, clone, levelsEnv, pinnedPlan };
