using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Config;

/// <summary>
/// Every diagnostic BlinkInfra prints, declared here once with its stable code: config errors (BLINK1xxx, one
/// code per kind of problem, as a compiler has one per kind of error), the policies (BLINK2xxx, where each
/// policy's name is written), warnings and notes (BLINK3xxx), the change policies (BLINK4xxx), errors in a file
/// or command line the CLI is given (BLINK5xxx) and internal errors (BLINK9xxx). A code is never changed nor
/// reused once given: add new entries at the end of their range. `./blink explain CODE` prints an entry.
/// </summary>
public static class DiagnosticCatalogue
{
    private static readonly List<DiagnosticEntry> Entries = new();

    private static DiagnosticEntry Add(string code, string name, DiagnosticKind kind, string title, string explanation, string fix)
    {
        var entry = new DiagnosticEntry(code, name, kind, title, explanation, fix);
        Entries.Add(entry);
        return entry;
    }

    private static DiagnosticEntry Config(string code, string name, string title, string explanation, string fix)
        => Add(code, name, DiagnosticKind.ConfigError, title, explanation, fix);

    private static DiagnosticEntry Policy(string code, string name, string title, string explanation, string fix)
        => Add(code, name, DiagnosticKind.Policy, title, explanation, fix);

    // ---- BLINK1xxx: config errors. The stack is refused before any resource is declared; every error of a run is reported together.

    public static readonly DiagnosticEntry UnknownKey = Config("BLINK1001", "unknown-key",
        "A key the program does not read",
        "The stack sets a key under blink-infra: (or under one of its sections) that no setting takes. Read as it is, the key would be silently ignored, so the stack is refused; a secret under such a key is refused the same way, and its value is never shown.",
        "Spell the key as documented (the message names the closest allowed key, and lists every allowed one), or remove it: `pulumi config rm KEY` or delete its line in the stack file.");

    public static readonly DiagnosticEntry UnknownNamespace = Config("BLINK1002", "unknown-namespace",
        "A key in a namespace neither the program nor its providers read",
        "Keys outside blink-infra: belong to a provider (alicloud:, kubernetes:) or to Pulumi (pulumi:). A misspelt namespace (blink-infar:cluster) would hide a whole section, so it is refused.",
        "Write the project's keys as blink-infra:SECTION, or remove the key.");

    public static readonly DiagnosticEntry DuplicateKey = Config("BLINK1003", "duplicate-key",
        "A key given twice, or twice when case is ignored",
        "The program's configuration reads keys without regard to case, so \"Region\" and \"region\" (or two BLINK_ variables naming one path) would merge or override each other silently.",
        "Give each key once, spelled as documented.");

    public static readonly DiagnosticEntry WrongShape = Config("BLINK1004", "wrong-shape",
        "An object, list or single value where another belongs",
        "Each key takes one shape: a section is an object, workerPools a list of objects, region a single value. A value of another shape cannot be read as the key means.",
        "Write the value in the shape the message names; the allowed keys of an object are listed with it.");

    public static readonly DiagnosticEntry WrongType = Config("BLINK1005", "wrong-type",
        "Not a number, whole number or true/false where one belongs",
        "The key takes a whole number, a number or a boolean, and the value given is text that is none of them.",
        "Write the value as the message says: 3, not \"three\"; true or false.");

    public static readonly DiagnosticEntry TooLarge = Config("BLINK1006", "value-too-large",
        "A value longer or nested deeper than the config allows",
        "Values are bounded (the length of a value, the depth of nesting, the size of the config) so that no stack can make the program slow or exhaust its memory.",
        "Shorten the value; nothing the stack needs comes near the limits.");

    public static readonly DiagnosticEntry ControlCharacter = Config("BLINK1007", "control-character",
        "A key or value holding a control character",
        "A control character (a line break, an escape, a zero-width or bidirectional mark) is acted on by terminals and can hide text; no setting of the stack takes one. A YAML block scalar (| or >) keeps a final line break.",
        "Write printable text on one line: a quoted value, or |- / >- for a block scalar.");

    public static readonly DiagnosticEntry PlainTextSecret = Config("BLINK1008", "plain-text-secret",
        "A private key or credentials in plain text",
        "A value that must stay secret was given in plain text: it would sit in the stack file and in every plan and state made from it. The message masks it.",
        "Set it as a Pulumi secret: pulumi config set --secret KEY VALUE (for break-glass access give the public key, never the private one).");

    public static readonly DiagnosticEntry MissingRequired = Config("BLINK1010", "missing-required",
        "A required key or value is missing",
        "The key is required, alone or together with another setting the stack makes (the message says which).",
        "Add the key with one of the values the message allows.");

    public static readonly DiagnosticEntry OutOfRange = Config("BLINK1011", "out-of-range",
        "A number or count outside what is allowed",
        "The value (a number, a size, how many items a list holds) lies outside the limits of Alibaba Cloud, ACK, Flink or BlinkInfra that the message names.",
        "Give a value within the range the message states.");

    public static readonly DiagnosticEntry NotACidr = Config("BLINK1012", "not-a-cidr",
        "Not an IPv4 CIDR block",
        "The key takes an IPv4 block in CIDR notation (address/prefix length), such as 10.0.0.0/16, with no host bits set.",
        "Write the block as ADDRESS/LENGTH with LENGTH 0 to 32 and the address the first of the block.");

    public static readonly DiagnosticEntry CidrNotAllowed = Config("BLINK1013", "cidr-not-allowed",
        "A CIDR block of a size or place that is not allowed",
        "The block is a valid CIDR, but not of a size the resource takes (a VPC's mask is /8 to /28, a vSwitch's /16 to /29), or it lies outside what holds it (the VPC, a private range) or in a range Alibaba Cloud reserves.",
        "Give a block of the mask and range the message names.");

    public static readonly DiagnosticEntry BlocksOverlap = Config("BLINK1014", "blocks-overlap",
        "Two address blocks overlap",
        "Blocks that must be apart overlap: two vSwitches, a vSwitch and a block in use, the Service CIDR and something the cluster reaches. The cloud refuses overlapping vSwitches, and traffic to an overlapping block would go astray.",
        "Move one of the blocks: the message names both.");

    public static readonly DiagnosticEntry UnknownValue = Config("BLINK1015", "unknown-value",
        "A value that is not one of those allowed",
        "The key takes one of a known set of values (a region, zone, instance family or type, mode, policy name, enforcement level), and the value given is none of them.",
        "Use one of the values the message lists (it names the closest one); ./blink catalog lists regions, zones, families and types.");

    public static readonly DiagnosticEntry MalformedValue = Config("BLINK1016", "malformed-value",
        "A value not in the format the key takes",
        "The key takes text of a given form (a resource id such as vpc-..., a version, host:port, a time, a name of allowed characters), and the value given is not of that form.",
        "Write the value in the form the message gives with an example.");

    public static readonly DiagnosticEntry ConflictingSettings = Config("BLINK1017", "conflicting-settings",
        "Two settings that contradict each other",
        "Each setting is allowed alone, but together they ask for something the cloud or BlinkInfra cannot do (a pinned Kubernetes version with auto-upgrade, hosts to allow without internet egress, autoscaling on subscription).",
        "Change one of the two settings as the message allows.");

    public static readonly DiagnosticEntry ListedTwice = Config("BLINK1018", "listed-twice",
        "An item or name listed twice",
        "A list holds the same item twice, or two items share a name that must be unique (pools, zones, endpoints, jobs).",
        "List each item once, each with its own name.");

    public static readonly DiagnosticEntry NameTooLong = Config("BLINK1019", "name-too-long",
        "A name, or a name derived from it, exceeds a limit of the cloud",
        "BlinkInfra derives resource names from the cluster's name and others (node pools, the bucket, the log project); the cloud limits their lengths and characters.",
        "Shorten the name the message names (the cluster name defaults to the stack's name).");

    public static readonly DiagnosticEntry NotEnoughAddresses = Config("BLINK1020", "not-enough-addresses",
        "A vSwitch too small for what is placed in it",
        "The machines and pods a vSwitch receives need more addresses than its block holds (Alibaba Cloud keeps some of every vSwitch's addresses).",
        "Give the vSwitch a larger block (a shorter prefix length), or fewer nodes in its zone.");

    public static readonly DiagnosticEntry NotOffered = Config("BLINK1021", "not-offered",
        "Something the cloud does not offer where or as the stack asks",
        "The value is known, but Alibaba Cloud does not offer it in the stack's region or zone or for its billing mode (a region sold only by subscription, a NAT firewall region, a family in a region).",
        "Choose what the message lists as offered, or another region or billing mode.");

    public static readonly DiagnosticEntry NotAllowed = Config("BLINK1022", "not-allowed",
        "A value BlinkInfra refuses for the cluster's safety",
        "The value is valid for the cloud but would break the isolation or operation BlinkInfra promises (a port or address open to the internet, a reserved name, a setting BlinkInfra owns).",
        "Use a value the message allows, or leave the setting to BlinkInfra.");

    public static readonly DiagnosticEntry UnreadableSecret = Config("BLINK1023", "unreadable-secret",
        "A secret's value that cannot be read as the key takes it",
        "A secret (read by the program under pulumi up) is not the JSON or shape its key takes; the message never shows the value.",
        "Set the secret again in the shape the message gives: pulumi config set --secret KEY VALUE.");

    public static readonly DiagnosticEntry InvalidValue = Config("BLINK1024", "invalid-value",
        "A value the key does not take",
        "The value is refused for a reason particular to the key, which the message states with what is allowed.",
        "Give a value the message allows.");

    public static readonly DiagnosticEntry RetiredSetting = Config("BLINK1025", "retired-setting",
        "A setting BlinkInfra no longer takes",
        "The setting was retired; the message says why and what replaced it.",
        "Remove the setting, and use what the message names in its place.");

    public static readonly DiagnosticEntry ExistingResourceMismatch = Config("BLINK1026", "existing-resource-mismatch",
        "What the stack says of a resource it uses disagrees with the cloud",
        "The stack names a resource it does not create (an existing VPC, the tenant's VPC) and says something of it (its block, that it has no default route) that the cloud's answer to a lookup under pulumi preview or pulumi up contradicts. Found only then: offline, plan answers lookups as the config says.",
        "Give what the message says the cloud holds (its allowed value), or another resource.");

    public static readonly DiagnosticEntry LookupFailed = Config("BLINK1027", "lookup-failed",
        "A lookup in the cloud failed, or answered without what the stack needs",
        "Under pulumi preview or pulumi up the program asks the cloud about what it builds on (an existing VPC, its routes, the cluster's RRSA provider); the request was refused (credentials, region, permissions) or the answer lacks what is needed. The message carries the provider's words.",
        "Check the credentials and region the provider runs with, and that the named resource exists and is set up as the message says (RRSA enabled on the cluster).");

    // ---- BLINK2xxx: the policies, in the order PolicyEngine evaluates them (pack by pack).

    public static readonly DiagnosticEntry RegionAllowedForBilling = Policy("BLINK2001", "region-allowed-for-billing",
        "The stack's region is offered for its billing mode.",
        "Exclusive-mode clusters are sold per region and billing mode; a region not offered for the stack's billing would be refused at purchase.",
        "Choose a region ./blink catalog lists for the billing mode, or the other billing mode (blink-infra:cluster.billing).");
    public static readonly DiagnosticEntry ZonesInRegion = Policy("BLINK2002", "zones-in-region",
        "Every vSwitch zone, and so every machine's, belongs to the stack's region.",
        "Node pools place machines in vSwitches; a vSwitch in a zone of another region cannot be created by the stack's regional provider.",
        "List zones of the stack's region in blink-infra:network.zones (./blink catalog --region REGION).");
    public static readonly DiagnosticEntry ResourcesInStackRegion = Policy("BLINK2003", "resources-in-stack-region",
        "Every AliCloud provider, and so every regional resource, is in the stack's region.",
        "The program pins its AliCloud provider to the stack's region; a provider elsewhere would put resources in another region than the cluster.",
        "Declare regional resources only through the stack's provider; check alicloud:region in the stack file.");
    public static readonly DiagnosticEntry AckOfferingsUnconfirmed = Policy("BLINK2004", "ack-offerings-unconfirmed",
        "What the stack pins that ACK must still offer (the Kubernetes version, a GPU driver) was confirmed by a source.",
        "A pinned Kubernetes version or GPU driver must still be offered by ACK when pulumi up runs; where no dated source confirms it, the advisory says what to ask the cloud.",
        "Run the command the message gives before pulumi up, or leave the version unpinned.");
    public static readonly DiagnosticEntry NoIngressFromInternet = Policy("BLINK2005", "no-ingress-from-internet",
        "No security group rule lets in 0.0.0.0/0 or ::/0.",
        "An exclusive cluster is reached only from its own network and declared peers; a rule open to every address exposes its machines.",
        "Give the rule the peer groups or blocks that need it (blink-infra:security), never 0.0.0.0/0.");
    public static readonly DiagnosticEntry NoPublicIp = Policy("BLINK2006", "no-public-ip",
        "No machine has a public IP.",
        "Machines reach the internet only through the NAT gateway; a public IP would make one reachable from it.",
        "Remove the public IP; turn on blink-infra:network.internetEgress for outbound traffic.");
    public static readonly DiagnosticEntry InternetOnlyThroughNat = Policy("BLINK2007", "internet-only-through-nat",
        "EIPs are associated with the NAT gateway only, and ACK makes no NAT gateway of its own.",
        "The stack's NAT gateway and its EIP are the one way out; another EIP or a NAT gateway ACK makes on its own would be a second, unfiltered one.",
        "Associate EIPs with the stack's NAT gateway only, and keep the cluster's newNatGateway off.");
    public static readonly DiagnosticEntry VpcSecurityGroups = Policy("BLINK2008", "vpc-security-groups",
        "Security groups are VPC groups.",
        "Classic-network security groups do not isolate within a VPC.",
        "Declare every security group in the stack's VPC.");
    public static readonly DiagnosticEntry LeastPrivilegeDataEgress = Policy("BLINK2009", "least-privilege-data-egress",
        "No accept rule opens all ports to a wide block.",
        "Egress to data endpoints is opened port by port; all ports to a wide block lets jobs reach anything in it.",
        "Give each data endpoint its ports and the narrowest block (blink-infra:dataAccess.endpoints).");
    public static readonly DiagnosticEntry PodPortsOnlyCluster = Policy("BLINK2010", "pod-ports-only-cluster",
        "The pods' security groups let in only the ports the cluster listens on.",
        "Pods take traffic only on the ports Flink and the operator listen on (infra/Facts/ClusterPorts.cs); any other open port widens what reaches them.",
        "Remove the rule, or open only the cluster's ports.");
    public static readonly DiagnosticEntry WebUiOnlyFromPeers = Policy("BLINK2011", "web-ui-only-from-peers",
        "Only the cluster's own groups (the API server's proxy) and declared peer groups reach the web UI.",
        "The Flink web UI can cancel and submit jobs; only the API server's proxy and the groups the stack declares as peers may reach it.",
        "Declare who reaches the UI in blink-infra:security.peerGroups.");
    public static readonly DiagnosticEntry PodEgressOnlyDeclared = Policy("BLINK2012", "pod-egress-only-declared",
        "The pods' groups let out only to the cluster, its services and the declared endpoints, and drop the rest.",
        "Jobs reach only what the stack declares; a pod group that lets out more could send data anywhere.",
        "Declare each destination in blink-infra:dataAccess, and keep the groups' drop rule.");
    public static readonly DiagnosticEntry PrivateApiServer = Policy("BLINK2013", "private-api-server",
        "The API server is not public unless the stack explicitly allows it.",
        "A public API server endpoint exposes the cluster's control plane to the internet.",
        "Keep the API server private, or allow it explicitly in blink-infra:security.");
    public static readonly DiagnosticEntry PrivateAddressSpace = Policy("BLINK2014", "private-address-space",
        "The cluster's vSwitches lie in private address space (RFC 1918).",
        "Public address space inside the VPC would shadow internet addresses and make routes ambiguous.",
        "Use blocks inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 for the network and zones.");
    public static readonly DiagnosticEntry ImagesAndChartReachable = Policy("BLINK2015", "images-and-chart-reachable",
        "The cluster can pull every image it runs, and the operator's chart stays where the stack fetches it.",
        "Without internet egress the cluster pulls only from the region's registry over the VPC; an image or chart elsewhere would fail to pull at deploy time.",
        "Mirror the image into the region's registry (the message names it), or turn on internet egress.");
    public static readonly DiagnosticEntry BreakGlassKeyPair = Policy("BLINK2016", "break-glass-key-pair",
        "Node pools whose machines accept an SSH key pair are named, for review.",
        "A key pair lets whoever holds its private key log in to the machines; the advisory names each pool so the access is reviewed.",
        "Remove blink-infra:security.breakGlass once break-glass access is not needed.");
    public static readonly DiagnosticEntry ApiServerAuditLog = Policy("BLINK2017", "api-server-audit-log",
        "The API server's audit log is on.",
        "The audit log records who did what on the cluster; without it nothing can be traced.",
        "Keep the cluster's audit log on (blink-infra:observability.logs).");
    public static readonly DiagnosticEntry CloudFirewallEnabled = Policy("BLINK2018", "cloud-firewall-enabled",
        "A NAT firewall is declared only where Cloud Firewall is enabled in the account, which is confirmed by hand.",
        "A NAT firewall needs Cloud Firewall enabled in the account, which no resource of the stack declares; pulumi up fails on it otherwise.",
        "Confirm Cloud Firewall is enabled in the account before pulumi up, or remove internetEgress.allowedHosts.");
    public static readonly DiagnosticEntry ThreeMastersThreeZones = Policy("BLINK2019", "three-masters-three-zones",
        "In HA mode the master machines are 3 nodes spread over 3 zones, each on its own server.",
        "High availability survives the loss of a zone only when the three master machines stand in three zones.",
        "List three zones in blink-infra:network.zones for an HA cluster.");
    public static readonly DiagnosticEntry JobmanagerHaOnBucket = Policy("BLINK2020", "jobmanager-ha-on-bucket",
        "In HA mode every session cluster runs Kubernetes HA with its storage on the state bucket, with a standby JobManager unless it hosts session jobs, which need exactly one.",
        "A JobManager that fails over finds its jobs again only from HA metadata kept on durable storage.",
        "Keep the engine's HA settings as BlinkInfra sets them in HA mode.");
    public static readonly DiagnosticEntry HaMetadataReadableThroughRrsa = Policy("BLINK2021", "ha-metadata-readable-through-rrsa",
        "In HA mode every session cluster runs an image that can read its HA metadata on the bucket through RRSA.",
        "The stock Flink image cannot read OSS through RRSA; HA metadata on the bucket would be unreadable at fail-over.",
        "Build the image in images/flink-rrsa/ into the region's registry and name it in blink-infra:engine.");
    public static readonly DiagnosticEntry MastersPoolNotAutoRepaired = Policy("BLINK2022", "masters-pool-not-auto-repaired",
        "ACK does not repair the master machines' pool on its own: a repair drains the node of a JobManager and the operator.",
        "ACK's auto-repair drains and restarts a node without warning, taking a JobManager and the operator with it.",
        "Keep auto-repair off for the masters' pool (blink-infra:maintenance).");
    public static readonly DiagnosticEntry AcceleratorPoolsTainted = Policy("BLINK2023", "accelerator-pools-tainted",
        "GPU and FPGA pools are tainted so only jobs that ask for them land there.",
        "Untainted accelerator machines would take ordinary pods, which then hold the costly machines.",
        "Keep the taint BlinkInfra puts on GPU and FPGA pools.");
    public static readonly DiagnosticEntry FpgaPoolsHaveImage = Policy("BLINK2024", "fpga-pools-have-image",
        "FPGA pools boot the FPGA image shared with the account.",
        "FPGA machines need the FPGA image to use their boards.",
        "Give the pool's imageId: the FPGA image shared with the account.");
    public static readonly DiagnosticEntry InstanceFamiliesKnown = Policy("BLINK2025", "instance-families-known",
        "Machines are of families the catalogue knows for the region.",
        "BlinkInfra sizes TaskManagers and checks offers only for families in its catalogue (infra/Facts/InstanceCatalog.cs).",
        "Choose a type of a family ./blink catalog lists.");
    public static readonly DiagnosticEntry InstanceTypesOfferedInZones = Policy("BLINK2026", "instance-types-offered-in-zones",
        "Node pools' instance types are offered in the zones of their vSwitches.",
        "A type not offered in a pool's zone leaves the pool without machines there.",
        "Choose zones that offer the type, or another type (./blink catalog).");
    public static readonly DiagnosticEntry PoolsCreateTheirNodes = Policy("BLINK2027", "pools-create-their-nodes",
        "Node pools create their machines; no ECS instance is joined to one.",
        "A machine joined to a pool by hand is not replaced, scaled or upgraded with it.",
        "Let the pool create its machines (desired size), and remove joined instances.");
    public static readonly DiagnosticEntry NoAutoscalingSubscriptionPools = Policy("BLINK2028", "no-autoscaling-subscription-pools",
        "No subscription (PrePaid) node pool autoscales.",
        "ACK does not autoscale subscription node pools.",
        "Use pay-as-you-go billing for an autoscaled pool, or a fixed size.");
    public static readonly DiagnosticEntry StateDiskNotRuntimeDisk = Policy("BLINK2029", "state-disk-not-runtime-disk",
        "A pool's state disk is not its last data disk, which ACK takes for the container runtime.",
        "ACK formats a pool's last data disk for the container runtime; Flink's state on it would compete with images.",
        "Give the pool a further data disk for state.");
    public static readonly DiagnosticEntry TaskManagerFitsBesideSystemPods = Policy("BLINK2030", "taskmanager-fits-beside-system-pods",
        "A TaskManager fits its pool's smallest machine beside every DaemonSet and, on an untainted pool, the system Deployments.",
        "A TaskManager larger than what a node has left after the system pods never schedules (infra/Facts/NodeAllocatable.cs).",
        "Choose larger instance types, or smaller TaskManagers.");
    public static readonly DiagnosticEntry StateBucketLockedDown = Policy("BLINK2031", "state-bucket-locked-down",
        "The state bucket is private (a BucketAcl), blocks public access, is encrypted and versioned, and expires noncurrent versions and incomplete uploads.",
        "The bucket holds checkpoints and savepoints: the jobs' state and data.",
        "Keep the bucket's settings as BlinkInfra declares them.");
    public static readonly DiagnosticEntry StateBucketProtected = Policy("BLINK2032", "state-bucket-protected",
        "The state bucket is protected from deletion by Pulumi.",
        "Deleting the bucket loses every checkpoint and savepoint.",
        "Keep protect on the bucket; pulumi state unprotect it on purpose before a deletion.");
    public static readonly DiagnosticEntry SecretsKeyKept = Policy("BLINK2033", "secrets-key-kept",
        "The KMS key a cluster encrypts its Secrets with is a symmetric key the stack keeps: protected from deletion by Pulumi and enabled.",
        "A cluster whose Secrets key is deleted or disabled can no longer read its Secrets.",
        "Keep the key protected and enabled (blink-infra:security.kms).");
    public static readonly DiagnosticEntry NoPlaintextSecrets = Policy("BLINK2034", "no-plaintext-secrets",
        "No credential travels as plain text in an input.",
        "A credential in a plain input is written to the plan and the state in plain text.",
        "Give credentials as Pulumi secrets (blink-infra:endpointCredentials).");
    public static readonly DiagnosticEntry FlinkReadsOssThroughRrsa = Policy("BLINK2035", "flink-reads-oss-through-rrsa",
        "Session clusters whose jobs checkpoint to the bucket run an image that can read it through RRSA.",
        "The stock Flink image cannot write checkpoints to OSS through RRSA.",
        "Build the image in images/flink-rrsa/ and name it in blink-infra:engine.");
    public static readonly DiagnosticEntry OperatorReadsOssJars = Policy("BLINK2036", "operator-reads-oss-jars",
        "The operator can download session jobs' jars from oss://.",
        "Session jobs whose jars are on OSS need the operator to read oss:// URLs.",
        "Keep the operator's OSS settings as BlinkInfra declares them.");
    public static readonly DiagnosticEntry DataDisksEncrypted = Policy("BLINK2037", "data-disks-encrypted",
        "With a KMS key in the stack, every pool's data disks are encrypted.",
        "Once the stack keeps a KMS key, an unencrypted data disk would hold state outside it.",
        "Keep encryption on every pool's data disks.");
    public static readonly DiagnosticEntry AlertsHaveReceivers = Policy("BLINK2038", "alerts-have-receivers",
        "Every alert rule is routed to a notification policy of the stack that notifies someone.",
        "An alert rule routed to nobody fires unseen (unless a notification policy the account keeps elsewhere routes it).",
        "Add receivers in blink-infra:observability.alerting.contacts (their details in the secret blink-infra:alertContacts), or turn alerts off.");

    // ---- BLINK3xxx: warnings and notes that are not a policy's finding.

    public static readonly DiagnosticEntry PolicyLevelLowered = Add("BLINK3001", "policy-level-lowered", DiagnosticKind.Warning,
        "A policy the stack switched off or made advisory",
        "blink-infra:policy.levels lowers a policy's level; it is said on every run, never silently.",
        "Remove the entry from blink-infra:policy.levels once the exception is no longer needed.");
    public static readonly DiagnosticEntry ResourceLoss = Add("BLINK3002", "resource-loss", DiagnosticKind.Warning,
        "A change replaces or deletes a resource that costs machines or holds state",
        "diff says first what the change loses: a cluster, node pool, bucket or disk replaced or deleted takes its machines or data with it.",
        "Check the change is meant; revert the setting that forces the replacement (diff names the inputs).");
    public static readonly DiagnosticEntry OtherStackCompared = Add("BLINK3003", "other-stack-compared", DiagnosticKind.Warning,
        "diff compares with a file of another stack or project",
        "Resources of another stack have other URNs, so all show as deleted and the plan's as created.",
        "Compare with a plan or state of the same stack.");
    public static readonly DiagnosticEntry StateReadWithGaps = Add("BLINK3004", "state-read-with-gaps", DiagnosticKind.Warning,
        "A state file read with something left out",
        "A Pulumi state can hold what the offline tools cannot judge (pending operations, resources of unknown types); the warning names what was left out.",
        "Read the warning; run pulumi refresh or pulumi up to settle pending operations.");
    public static readonly DiagnosticEntry MaintenanceTimeZone = Add("BLINK3101", "maintenance-time-zone", DiagnosticKind.Warning,
        "A maintenance start time without a UTC offset was read in the region's zone",
        "ACK takes the window's time of day with its offset; a time alone is read in the region's time zone, which the note names.",
        "Give an offset (Z, +08:00) to read it in another zone.");
    public static readonly DiagnosticEntry DefaultLogProject = Add("BLINK3102", "default-log-project", DiagnosticKind.Warning,
        "Logs go to the default SLS project name, which another account may hold",
        "SLS project names are unique in a region across all accounts; if another holds the default, the first pulumi up fails on it.",
        "Set blink-infra:observability.logs.project to a name of your own.");
    public static readonly DiagnosticEntry AvailabilityUnconfirmed = Add("BLINK3103", "availability-unconfirmed", DiagnosticKind.Warning,
        "Whether an accelerator type is offered in a zone is not confirmed",
        "No dated row of infra/Facts/InstanceAvailability.cs confirms the offer; instance-types-offered-in-zones judges only what a row confirms.",
        "Ask the cloud with the command the note gives before pulumi up, and record the answer with ./blink availability import.");

    // ---- BLINK4xxx: the change policies `diff` evaluates (pack blink-changes).

    public static readonly DiagnosticEntry CreateOnlyInputsUnchanged = Add("BLINK4001", "create-only-inputs-unchanged", DiagnosticKind.ChangePolicy,
        "An input the provider applies only when the resource is created does not change on a resource that stays: pulumi up would report the update and change nothing",
        "Some inputs are read by the provider only at create (docs: \"Only works for Create Operation\"); changing one on a resource that stays is reported as an update that does nothing.",
        "Change the input back, or replace the resource on purpose with pulumi up --replace URN (the message gives it).");
    public static readonly DiagnosticEntry VpcBlockHoldsItsVswitches = Add("BLINK4002", "vpc-block-holds-its-vswitches", DiagnosticKind.ChangePolicy,
        "A VPC's block changes only to one that holds every vSwitch in it: the cloud refuses any other, before Pulumi gets to the vSwitches",
        "Pulumi updates the VPC before it replaces the vSwitches that depend on it, and the cloud refuses a block that leaves vSwitches outside, so pulumi up stops halfway.",
        "Widen the block first, move the vSwitches, then narrow it; or replace the VPC on purpose.");

    // ---- BLINK5xxx: a file or command line the CLI is given.

    public static readonly DiagnosticEntry StackFileInvalid = Add("BLINK5001", "stack-file-invalid", DiagnosticKind.InputError,
        "A stack file that cannot be read",
        "The stack file (Pulumi.STACK.yaml) is missing, too large, not YAML, or uses YAML the program refuses (anchors, tags, keys twice).",
        "Fix the file as the message says; ./blink init writes a starter.");
    public static readonly DiagnosticEntry PlanFileInvalid = Add("BLINK5002", "plan-file-invalid", DiagnosticKind.InputError,
        "A plan file that cannot be read",
        "The file given as a plan is not one written by ./blink plan --json, or is damaged.",
        "Write the plan again with ./blink plan --stack NAME --json FILE.");
    public static readonly DiagnosticEntry StateFileInvalid = Add("BLINK5003", "state-file-invalid", DiagnosticKind.InputError,
        "A state file that cannot be read",
        "The file given as a state is not a pulumi stack export file or a local backend's state file, or is damaged.",
        "Export it again with pulumi stack export --file FILE.");
    public static readonly DiagnosticEntry PriceListInvalid = Add("BLINK5004", "price-list-invalid", DiagnosticKind.InputError,
        "A price list that cannot be read",
        "The --prices file is not the YAML or JSON price list the bill of materials takes.",
        "Write the prices as docs/cli.md, \"Bill of materials\", shows.");
    public static readonly DiagnosticEntry ResourceListInvalid = Add("BLINK5005", "resource-list-invalid", DiagnosticKind.InputError,
        "A resource list (check --resources) that cannot be read",
        "The list is not the JSON the CrossGuard pack sends (policies/crossguard).",
        "Send the list as policies/crossguard/blink.js builds it.");
    public static readonly DiagnosticEntry CommandLineInvalid = Add("BLINK5006", "command-line-invalid", DiagnosticKind.InputError,
        "Flags or arguments the command does not take together",
        "The command line names no input, several where one is taken, an unknown flag, or flags that exclude each other.",
        "Run ./blink help VERB for the verb's flags.");
    public static readonly DiagnosticEntry OutputFileInvalid = Add("BLINK5007", "output-file-invalid", DiagnosticKind.InputError,
        "An output file that cannot be written",
        "An output (--json, --graph, --html) names a folder, an unwritable place, or standard output twice.",
        "Give a writable file path, or - for one output only.");

    public static readonly DiagnosticEntry FileUnreadable = Add("BLINK5008", "file-unreadable", DiagnosticKind.InputError,
        "A path that names no readable file of a size the CLI reads",
        "Every file the CLI reads (a stack file, plan, state, price list, resource list) must be a regular file within a size limit; a missing path, a folder, a device, a pipe that never ends or a file too large is refused before it is read.",
        "Give the path of the file itself, and check its size against the limit the message names.");
    public static readonly DiagnosticEntry YamlRefused = Add("BLINK5009", "yaml-refused", DiagnosticKind.InputError,
        "YAML the CLI refuses to read",
        "Some YAML is refused in stack files and price lists: a second document (Pulumi reads only the first), aliases that expand without bound or refer to themselves, keys that are mappings, nesting deeper than the config's.",
        "Write plain YAML: one document, keys that are names, no aliases.");

    public static readonly DiagnosticEntry AvailabilityAnswerInvalid = Add("BLINK5010", "availability-answer-invalid", DiagnosticKind.InputError,
        "An answer of ECS DescribeAvailableResource that cannot be imported",
        "availability import reads what `aliyun ecs DescribeAvailableResource --DestinationResource InstanceType` prints: JSON with AvailableZones.AvailableZone, one region, the instance types each zone offers. An error answer, an answer of DestinationResource Zone (which names no type), one naming no zone, or two answers for the same region and billing method are refused.",
        "Save the answer of the command the message gives (one file per region and billing method) and import it.");
    public static readonly DiagnosticEntry OfflineBuildCannotDeploy = Add("BLINK5011", "offline-build-cannot-deploy", DiagnosticKind.InputError,
        "pulumi up ran a build of the program made against the offline SDK",
        "Where the NuGet feed serves no Pulumi packages, the program builds against BlinkInfra's offline SDK (offline-sdk/), which plans, checks and tests under mocks but has no engine to talk to: run by pulumi up or pulumi preview, it stops before declaring anything.",
        "Build against the real packages (a NuGet feed that serves Pulumi 3.112.1, Pulumi.AliCloud 3.105.0 and Pulumi.Kubernetes 4.32.0; a plain dotnet build, or BLINKINFRA_SDK=real), then run pulumi up again.");

    // ---- BLINK9xxx: internal errors.

    public static readonly DiagnosticEntry InternalError = Add("BLINK9001", "internal-error", DiagnosticKind.Internal,
        "A bug of BlinkInfra's, not of the input",
        "The program failed in a way no input should cause; the message names the exception. Nothing was deployed.",
        "Report it with the command line and the stack file (secrets removed).");

    /// <summary>Every entry, in the order of their codes' declaration.</summary>
    public static readonly ImmutableArray<DiagnosticEntry> All = Entries.ToImmutableArray();

    private static readonly Dictionary<string, DiagnosticEntry> ByCode = All.ToDictionary(e => e.Code, StringComparer.Ordinal);

    /// <summary>The entry of a code (BLINK and four digits, any case), or null.</summary>
    public static DiagnosticEntry? Find(string code)
        => ByCode.TryGetValue(code.Trim().ToUpperInvariant(), out var entry) ? entry : null;
}
