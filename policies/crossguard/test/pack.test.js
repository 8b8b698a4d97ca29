// The CrossGuard pack over resources captured from each example stack's plan and from bad stacks: the
// exact violations, their levels and URNs, and the same verdict as `./blink check --stack`.
"use strict";

const assert = require("node:assert/strict");
const childProcess = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { test } = require("node:test");
const { unknownStringValue } = require("@pulumi/policy/proxy");

const blink = require("../blink");
const { fromPlan } = require("./from-plan");
const { REPOSITORY, STACKS, userStacks, fixture, runPack, runCli, planStack, checkStack, clone, levelsEnv, pinnedPlan } = require("./support");

const SECRETS_NOT_APPLICABLE = {
    policy: "no-plaintext-secrets",
    reason: "secrets arrive decrypted and unmarked (as a CrossGuard stack validation is handed them), so a secret cannot be told from plain text",
};

test("the example stacks are the three the fixtures hold, each a stack file", () => {
    const fixtures = fs.readdirSync(path.join(__dirname, "fixtures")).filter(f => f.endsWith(".json")).map(f => f.slice(0, -".json".length)).sort();
    assert.deepEqual(fixtures, STACKS);
    for (const stack of STACKS) {
        assert.ok(fs.existsSync(path.join(REPOSITORY, "stacks", `Pulumi.${stack}.yaml`)), `stacks/Pulumi.${stack}.yaml`);
    }
});

/** A stack of the user's: no fixture to compare with, but the pack over its plan says what check says. */
async function assertPackAgreesWithCheck(stack, cwd) {
    const plan = planStack(stack, cwd);
    const list = fromPlan(plan);
    const pack = await runPack(list, levelsEnv(plan));
    assert.deepEqual(pack.violations, checkStack(stack, list, cwd));
    assert.deepEqual(pack.notApplicable, [SECRETS_NOT_APPLICABLE]);
}

for (const stack of userStacks()) {
    test(`${stack} (a stack of the user's, no fixture): the pack reports what ./blink check --stack reports`, async () => {
        await assertPackAgreesWithCheck(stack, REPOSITORY);
    });
}

test("a stack init adds to stacks/ is the user's: the examples stay the three, and the pack agrees with check on it", async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "blink-crossguard-"));
    try {
        fs.copyFileSync(path.join(REPOSITORY, "Pulumi.yaml"), path.join(project, "Pulumi.yaml"));
        fs.mkdirSync(path.join(project, "stacks"));
        for (const stack of STACKS) {
            fs.copyFileSync(path.join(REPOSITORY, "stacks", `Pulumi.${stack}.yaml`), path.join(project, "stacks", `Pulumi.${stack}.yaml`));
        }
        const init = runCli(["init", "--name", "trial", "--region", "cn-beijing"], project);
        assert.equal(init.status, 0, init.stderr);
        assert.deepEqual(userStacks(project), ["trial"]);
        assert.deepEqual(STACKS, ["dev", "gpu-shanghai", "prod-hangzhou"]);
        await assertPackAgreesWithCheck("trial", project);
    } finally {
        fs.rmSync(project, { recursive: true, force: true });
    }
});

for (const stack of STACKS) {
    test(`${stack}: the fixture is the pinned plan as CrossGuard names it (regenerate: see docs/policies.md)`, () => {
        const plan = JSON.parse(fs.readFileSync(path.join(REPOSITORY, "tests", "Fixtures", "plans", `${stack}.json`), "utf8"));
        assert.deepEqual(fixture(stack), fromPlan(plan));
    });

    test(`${stack}: the pack reports what ./blink check --stack reports, at the same levels`, async () => {
        const list = fixture(stack);
        // The stack's own levels reach the pack through its config, as the Pulumi CLI hands it over.
        const pack = await runPack(list, levelsEnv(pinnedPlan(stack)));
        assert.deepEqual(pack.violations, checkStack(stack, list));
        assert.deepEqual(pack.notApplicable, [SECRETS_NOT_APPLICABLE]);
    });
}

// Beside each example's own advisories, the one that ACK's still offering the pinned Kubernetes version could not be confirmed (issue 29.15).
const UNCONFIRMED = "ack-offerings-unconfirmed";

test("dev: only the unconfirmed version's advisory and the one that its alerts reach no one, on the stack", async () => {
    assert.deepEqual((await runPack(fixture("dev"))).violations.map(v => [v.policy, v.level, v.urn]), [
        [UNCONFIRMED, "advisory", "urn:pulumi:dev::blink-infra::blink:compute:ClusterCompute$alicloud:cs/managedKubernetes:ManagedKubernetes::blink-dev-ack"],
        ["alerts-have-receivers", "advisory", undefined],
    ]);
});

test("prod-hangzhou: no violation but the unconfirmed version's advisory (its operator image carries the OSS plugin, its alerts reach its contacts, its levels say Cloud Firewall is enabled)", async () => {
    assert.deepEqual((await runPack(fixture("prod-hangzhou"), levelsEnv(pinnedPlan("prod-hangzhou")))).violations.map(v => [v.policy, v.level]), [[UNCONFIRMED, "advisory"]]);
    assert.deepEqual((await runPack(fixture("prod-hangzhou"))).violations.map(v => [v.policy, v.level]), [[UNCONFIRMED, "advisory"], ["cloud-firewall-enabled", "advisory"]],
        "without the stack's config, the advisory that asks to confirm Cloud Firewall too");
});

/** dev with ssh to the masters open to the world. */
function devOpenToTheWorld() {
    const list = clone(fixture("dev"));
    const rule = list.resources.find(r => r.name === "blink-dev-sgr-masters-from-workers-tcp-6123-6124");
    rule.props.cidrIp = "0.0.0.0/0";
    delete rule.props.sourceSecurityGroupId;
    delete rule.propertyDependencies.sourceSecurityGroupId;
    return { list, rule };
}

test("a bad stack: ingress from the internet is mandatory, on the rule's URN", async () => {
    const { list, rule } = devOpenToTheWorld();
    const { violations } = await runPack(list);
    assert.deepEqual(violations.filter(v => v.policy === "no-ingress-from-internet"), [{
        policy: "no-ingress-from-internet",
        level: "mandatory",
        urn: "urn:pulumi:dev::blink-infra::blink:security:ClusterSecurity$alicloud:ecs/securityGroupRule:SecurityGroupRule::blink-dev-sgr-masters-from-workers-tcp-6123-6124",
        message: "BLINK2005: ingress from 0.0.0.0/0 on tcp 6123/6124 lets the internet in; allowed: a source security group or a private block",
    }]);
    assert.equal(rule.urn, violations.find(v => v.policy === "no-ingress-from-internet").urn);
});

test("a bad stack: HA on the stock Flink image is mandatory on each session cluster", async () => {
    const list = clone(fixture("gpu-shanghai"));
    for (const deployment of list.resources.filter(r => r.type === "kubernetes:flink.apache.org/v1beta1:FlinkDeployment")) {
        deployment.props.spec.image = "flink:1.20.1-scala_2.12-java17";
    }
    const { violations } = await runPack(list);
    assert.deepEqual(violations.filter(v => v.policy === "ha-metadata-readable-through-rrsa").map(v => [v.level, v.urn]), [
        ["mandatory", "urn:pulumi:gpu-shanghai::blink-infra::blink:engine:FlinkEngine$kubernetes:flink.apache.org/v1beta1:FlinkDeployment::blink-gpu-flink-cpu"],
        ["mandatory", "urn:pulumi:gpu-shanghai::blink-infra::blink:engine:FlinkEngine$kubernetes:flink.apache.org/v1beta1:FlinkDeployment::blink-gpu-flink-gpu"],
    ]);
});

test("a bad stack: the masters' pool auto-repaired is mandatory on the pool, workers' pools auto-repaired are not", async () => {
    const list = clone(fixture("prod-hangzhou"));
    const masters = list.resources.find(r => r.name === "blink-prod-pool-masters");
    masters.props.management = { ...masters.props.management, enable: true, autoRepair: true };
    const violations = (await runPack(list, levelsEnv(pinnedPlan("prod-hangzhou")))).violations.filter(v => v.policy !== UNCONFIRMED);
    assert.deepEqual(violations, [{
        policy: "masters-pool-not-auto-repaired",
        level: "mandatory",
        urn: masters.urn,
        message: "BLINK2022: the masters' pool is auto-repaired: ACK would drain a JobManager's and the operator's node on its own; allowed: management.autoRepair false (blink-infra:maintenance.masters.autoRepair: false)",
    }]);
    assert.ok(list.resources.some(r => r.type === "alicloud:cs/nodePool:NodePool" && r.props.management.autoRepair === true && r !== masters));
});

test("a bad stack: a provider in another region, and the region rule reported on the stack", async () => {
    const list = clone(fixture("dev"));
    list.resources.find(r => r.type === "pulumi:providers:alicloud").props.region = "cn-hongkong";
    const { violations } = await runPack(list);
    assert.deepEqual(violations.filter(v => v.policy === "region-allowed-for-billing"), [{
        policy: "region-allowed-for-billing",
        level: "mandatory",
        message: "BLINK2001: region cn-hongkong is not offered for pay-as-you-go billing; allowed: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen",
    }]);
    assert.ok(violations.some(v => v.policy === "zones-in-region" && v.level === "mandatory"));
});

test("another program's stack: what its resources cannot show is not applicable", async () => {
    const list = {
        resources: [{
            type: "alicloud:oss/bucket:Bucket",
            name: "logs",
            urn: "urn:pulumi:prod::web::alicloud:oss/bucket:Bucket::logs",
            props: { acl: "private", versioning: { status: "Enabled" }, serverSideEncryptionRule: { sseAlgorithm: "AES256" } },
        }],
    };
    const { violations, notApplicable } = await runPack(list);
    const urn = "urn:pulumi:prod::web::alicloud:oss/bucket:Bucket::logs";
    assert.deepEqual(violations.map(v => [v.policy, v.level, v.urn]), [
        ...Array(5).fill(["state-bucket-locked-down", "mandatory", urn]),
        ["state-bucket-protected", "mandatory", urn],
    ]);
    assert.equal(violations.at(-1).message, "BLINK2032: the bucket is not protected; allowed: protect: true");
    assert.deepEqual(notApplicable.map(n => n.policy), [
        "region-allowed-for-billing", "zones-in-region", "resources-in-stack-region",
        "three-masters-three-zones", "jobmanager-ha-on-bucket", "ha-metadata-readable-through-rrsa", "no-plaintext-secrets",
    ]);
});

test("the stack's blink-infra:policy.levels, as the CLI hands the pack its config, set the levels", async () => {
    const { list } = devOpenToTheWorld();
    const advisory = await runPack(list, { PULUMI_CONFIG: JSON.stringify({ "blink-infra:policy": JSON.stringify({ levels: { "no-ingress-from-internet": "advisory" } }) }) });
    assert.deepEqual(advisory.violations.filter(v => v.policy === "no-ingress-from-internet").map(v => v.level), ["advisory"]);

    const disabled = await runPack(list, { PULUMI_CONFIG: JSON.stringify({ "blink-infra:policy": JSON.stringify({ levels: { "no-ingress-from-internet": "disabled" } }) }) });
    assert.deepEqual(disabled.violations.filter(v => v.policy === "no-ingress-from-internet"), []);
});

test("a wrong level or an unknown policy in the stack's config stops the pack with C#'s message, naming the key", () => {
    const config = levels => ({ PULUMI_CONFIG: JSON.stringify({ "blink-infra:policy": JSON.stringify({ levels }) }) });
    assert.throws(() => blink.policies({ ...process.env, ...config({ "no-public-ip": "loud" }) }),
        { message: /^refused as invalid config \(exit 2\): the stack's config is invalid \(1 error\):\n {2}error BLINK\d{4}: blink-infra:policy\.levels\["no-public-ip"\] = "loud": unknown enforcement level; allowed: mandatory, advisory, disabled$/ });
    assert.throws(() => blink.policies({ ...process.env, ...config({ nope: "advisory" }) }),
        { message: /blink-infra:policy\.levels\["nope"\] = "advisory": unknown policy "nope"; allowed: region-allowed-for-billing, / });
    assert.throws(() => blink.policies({ ...process.env, ...config(["advisory"]) }), { message: /blink-infra:policy\.levels/ });
});

test("the pack declares each C# policy once, of its kind, with its code and level, as the manifest written from the C# packs says", () => {
    const manifest = require("../policies.json");
    const declared = blink.policies(process.env);
    assert.deepEqual(declared.map(p => [p.name, p.enforcementLevel, p.validateResource ? "resource" : "stack"]),
        manifest.policies.map(p => [p.name, p.enforcementLevel, p.kind]));
    assert.ok(declared.every(p => Boolean(p.validateResource) !== Boolean(p.validateStack)), "each policy is one kind");
    assert.deepEqual(declared.map(p => p.description), manifest.policies.map(p => `${p.pack}: ${p.description}`));
    const resource = manifest.policies.filter(p => p.kind === "resource").length;
    assert.ok(resource > 0 && resource < manifest.policies.length, "both kinds are declared");
});

test("the resource policies are enforced as each resource is registered: a bad rule alone is refused, with no stack to see", async () => {
    const { rule } = devOpenToTheWorld();
    const noIngress = blink.policies(process.env).find(p => p.name === "no-ingress-from-internet");
    const { asCrossGuard } = require("./support");
    const [registered] = asCrossGuard({ resources: [rule] });
    const found = [];
    await noIngress.validateResource({ type: registered.type, props: registered.props, urn: registered.urn, name: registered.name, opts: registered.opts, notApplicable: () => {} }, message => found.push(message));
    assert.deepEqual(found, ["BLINK2005: ingress from 0.0.0.0/0 on tcp 6123/6124 lets the internet in; allowed: a source security group or a private block"]);
});

test("values unknown during preview reach C# as Pulumi's unknown marker, and nothing fails on them", async () => {
    const list = clone(fixture("dev"));
    const rule = list.resources.find(r => r.name === "blink-dev-sgr-masters-from-workers-tcp-6123-6124");
    rule.props.sourceSecurityGroupId = unknownStringValue;
    const { asCrossGuard } = require("./support");
    const sent = blink.toResourceList(asCrossGuard(list));
    assert.equal(sent.resources.find(r => r.urn === rule.urn).props.sourceSecurityGroupId, blink.UNKNOWN);
    const { violations } = await runPack(list);
    assert.deepEqual(violations.map(v => v.policy), [UNCONFIRMED, "alerts-have-receivers"], "nothing but dev's own advisories");
});

test("a violation whose type and name two resources share is reported on the stack, naming them", () => {
    const report = { violations: [{ policy: "p", code: "BLINK2099", level: "Mandatory", resourceType: "t:m:R", resourceName: "a", message: "wrong" }] };
    const resources = [
        { type: "t:m:R", name: "a", urn: "urn:pulumi:s::p::x:m:C$t:m:R::a" },
        { type: "t:m:R", name: "a", urn: "urn:pulumi:s::p::y:m:C$t:m:R::a" },
    ];
    assert.deepEqual(blink.violationsOf(report, "p", resources), [{ level: "mandatory", message: "BLINK2099: t:m:R: a: wrong" }]);
});

test("BLINKINFRA_CLI (or BLINKINFRA_DLL) that is not a file: the pack says what to give", () => {
    assert.throws(() => blink.cliCommand({ BLINKINFRA_CLI: "/nonexistent/BlinkInfra.dll" }),
        { message: `BLINKINFRA_CLI is /nonexistent/BlinkInfra.dll, which is not a file; allowed: the path of a built BlinkInfra.dll (bin/<sdk>/cli/BlinkInfra.dll after ./blink build) or the native CLI (bin/offline/aot/BlinkInfra), or unset to run ${path.join(REPOSITORY, "blink")}` });
    assert.throws(() => blink.cliCommand({ BLINKINFRA_DLL: "/nonexistent/BlinkInfra.dll" }), { message: /^BLINKINFRA_DLL is \/nonexistent\/BlinkInfra\.dll, which is not a file/ });
    assert.deepEqual(blink.cliCommand({}), { file: path.join(REPOSITORY, "blink"), args: [], what: path.join(REPOSITORY, "blink") }, "by default the repository's ./blink");
});
