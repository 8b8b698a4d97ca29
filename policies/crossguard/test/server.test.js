// The pack as Pulumi runs it: index.js started, @pulumi/policy's analyzer served over gRPC, and the
// engine's AnalyzeStack request answered with the C# verdicts (pulumi/pulumi proto/pulumi/analyzer.proto).
"use strict";

const assert = require("node:assert/strict");
const childProcess = require("node:child_process");
const path = require("node:path");
const { test } = require("node:test");
const grpc = require("@grpc/grpc-js");
const analyzer = require("@pulumi/pulumi/proto/analyzer_pb");
const { AnalyzerClient } = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");

const manifest = require("../policies.json");
const { fixture, clone } = require("./support");

/** Starts the pack as the CLI's analyzer host does (it prints the port it serves on) and connects to it. */
async function startPack(env = {}) {
    const child = childProcess.spawn(process.execPath, ["-e", "require('./index.js')"], {
        cwd: path.join(__dirname, ".."),
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let errors = "";
    child.stderr.setEncoding("utf8").on("data", chunk => { errors += chunk; });
    const port = await new Promise((resolve, reject) => {
        child.stdout.setEncoding("utf8").once("data", line => resolve(line.trim()));
        child.once("exit", code => reject(new Error(`the pack exited ${code}: ${errors}`)));
    });
    const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return {
        call: (method, request) => new Promise((resolve, reject) => client[method](request, (e, response) => (e ? reject(e) : resolve(response)))),
        stop: () => { client.close(); child.kill(); },
    };
}

/** The engine's Analyze request for one resource of a list of the fixtures' shape, as it registers the resource. */
function analyzeRequest(list, r) {
    const request = new analyzer.AnalyzeRequest();
    request.setType(r.type);
    request.setName(r.name);
    request.setUrn(r.urn);
    request.setProperties(Struct.fromJavaScript(r.props || {}));
    request.setOptions(resourceOptions(r));
    const provider = providerReference(r, list);
    if (provider) request.setProvider(provider);
    return request;
}

/** The engine's options of a resource of the fixtures' shape: protect and parent. */
function resourceOptions(r) {
    const options = new analyzer.AnalyzerResourceOptions();
    options.setProtect(Boolean(r.protect));
    if (r.parent) options.setParent(r.parent);
    return options;
}

/** The engine's reference to a resource's provider, found in the list by URN; undefined without one. */
function providerReference(r, list) {
    const provider = r.provider && list.resources.find(p => p.urn === r.provider);
    if (!provider) return undefined;
    const reference = new analyzer.AnalyzerProviderResource();
    reference.setType(provider.type);
    reference.setName(provider.name);
    reference.setUrn(provider.urn);
    reference.setProperties(Struct.fromJavaScript(provider.props || {}));
    return reference;
}

/** The engine's AnalyzeStack request for a resource list of the fixtures' shape. */
function analyzeStackRequest(list) {
    const request = new analyzer.AnalyzeStackRequest();
    request.setResourcesList(list.resources.map(r => {
        const resource = new analyzer.AnalyzerResource();
        resource.setType(r.type);
        resource.setName(r.name);
        resource.setUrn(r.urn);
        resource.setProperties(Struct.fromJavaScript(r.props || {}));
        resource.setOptions(resourceOptions(r));
        if (r.parent) resource.setParent(r.parent);
        resource.setDependenciesList(r.dependencies || []);
        for (const [key, on] of Object.entries(r.propertyDependencies || {})) {
            const dependencies = new analyzer.AnalyzerPropertyDependencies();
            dependencies.setUrnsList(on);
            resource.getPropertydependenciesMap().set(key, dependencies);
        }
        const provider = providerReference(r, list);
        if (provider) resource.setProvider(provider);
        return resource;
    }));
    return request;
}

const LEVEL_NAMES = { [analyzer.EnforcementLevel.ADVISORY]: "advisory", [analyzer.EnforcementLevel.MANDATORY]: "mandatory", [analyzer.EnforcementLevel.DISABLED]: "disabled" };

test("served as Pulumi serves it, the pack declares every C# policy and reports a mandatory violation as mandatory", async () => {
    const pack = await startPack();
    try {
        const info = await pack.call("getAnalyzerInfo", new Empty());
        assert.equal(info.getName(), "blink-infra");
        assert.deepEqual(info.getPoliciesList().map(p => [p.getName(), LEVEL_NAMES[p.getEnforcementlevel()]]),
            manifest.policies.map(p => [p.name, p.enforcementLevel]));

        const list = clone(fixture("dev"));
        const rule = list.resources.find(r => r.name === "blink-dev-sgr-masters-from-workers-tcp-6123-6124");
        rule.props.cidrIp = "0.0.0.0/0";
        delete rule.props.sourceSecurityGroupId;
        delete rule.propertyDependencies.sourceSecurityGroupId;
        // As the engine registers each resource: the policies one resource decides (validateResource) refuse the rule
        // then, before the stack is whole; the others see every resource at the end (analyzeStack).
        const diagnostics = d => ({
            policy: d.getPolicyname(),
            pack: d.getPolicypackname(),
            level: LEVEL_NAMES[d.getEnforcementlevel()],
            urn: d.getUrn(),
            message: d.getMessage(),
        });
        const registered = [];
        for (const resource of list.resources) {
            registered.push(...(await pack.call("analyze", analyzeRequest(list, resource))).getDiagnosticsList().map(diagnostics));
        }
        const expected = [{
            policy: "no-ingress-from-internet",
            pack: "blink-infra",
            level: "mandatory",
            urn: rule.urn,
            // @pulumi/policy puts the policy's description above the message.
            message: "blink-isolation@1.0.0: No security group rule lets in 0.0.0.0/0 or ::/0.\n"
                + "BLINK2005: ingress from 0.0.0.0/0 on tcp 6123/6124 lets the internet in; allowed: a source security group or a private block",
        }];
        // dev's own advisory on the cluster (the pinned Kubernetes version could not be confirmed, issue 29.15) is a stack policy's.
        assert.deepEqual(registered, expected);

        const response = await pack.call("analyzeStack", analyzeStackRequest(list));
        // dev's own advisories (its alerts reach no one; the pinned Kubernetes version could not be confirmed) set aside: asserted in pack.test.js.
        assert.deepEqual(response.getDiagnosticsList().filter(d => !["alerts-have-receivers", "ack-offerings-unconfirmed"].includes(d.getPolicyname())).map(diagnostics), []);
        assert.deepEqual(response.getNotApplicableList().map(n => n.getPolicyName()), ["no-plaintext-secrets"]);
    } finally {
        pack.stop();
    }
});

test("served with the stack's config, the pack declares the stack's levels", async () => {
    const pack = await startPack({ PULUMI_CONFIG: JSON.stringify({ "blink-infra:policy": JSON.stringify({ levels: { "no-public-ip": "advisory" } }) }) });
    try {
        const info = await pack.call("getAnalyzerInfo", new Empty());
        const level = info.getPoliciesList().find(p => p.getName() === "no-public-ip").getEnforcementlevel();
        assert.equal(LEVEL_NAMES[level], "advisory");
    } finally {
        pack.stop();
    }
});
