using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

/// <summary>Rules for `blink-infra:security`.</summary>
public sealed class SecurityValidator : AbstractValidator<SecurityConfig>
{
    public static readonly string[] Roles = { "masters", "workers" };
    private static readonly Regex GroupIdPattern = new("^sg-[a-z0-9]{6,}\\z", RegexOptions.CultureInvariant);

    public SecurityValidator()
    {
        RuleForEach(s => s.PeerGroups).ChildRules(peer =>
        {
            peer.RuleFor(p => p.SecurityGroupId)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("allowed: the id of the security group to let in, such as sg-bp1a2b3c4d5e6f")
                .Must(id => GroupIdPattern.IsMatch(id!)).WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not a security group id; allowed: an id such as sg-bp1a2b3c4d5e6f");
            peer.RuleFor(p => p.Role)
                .Must(role => role is null || Roles.Contains(role))
                .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage($"unknown role; allowed: {string.Join(", ", Roles)}");
            peer.RuleFor(p => p.Protocol)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithCode(DiagnosticCatalogue.MissingRequired).WithMessage($"allowed: {string.Join(", ", ClusterPorts.Protocols)}")
                .Must(protocol => ClusterPorts.Protocols.Contains(protocol!))
                .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage($"not a protocol the provider takes; allowed: {string.Join(", ", ClusterPorts.Protocols)} (lower case)");
            peer.RuleFor(p => p.Description)
                .Must(description => NameLimits.SecurityGroupRuleDescription.ProblemWith(description!) is null)
                .When(p => p.Description != null)
                .WithCode(DiagnosticCatalogue.TooLarge).WithMessage(p => $"a rule's description of {p.Description!.Length} characters; allowed: {NameLimits.SecurityGroupRuleDescription.Allowed} (infra/Facts/NameLimits.cs), or none for BlinkInfra's own");
            peer.RuleFor(p => p.Ports).Custom((ports, context) =>
            {
                var protocol = context.InstanceToValidate.Protocol;
                if (protocol != null && ClusterPorts.Protocols.Contains(protocol) && PortRanges.For(protocol, ports, out var problem) is null)
                    context.Fail(DiagnosticCatalogue.MalformedValue, ports, problem);
            });
        });

        RuleFor(s => s.Kms!).SetValidator(new KmsValidator()).OverridePropertyName("Kms").When(s => s.Kms != null);

        RuleFor(s => s.BreakGlass!.KeyPairName)
            .Must(name => name != null && Encryption.KeyPairName.IsMatch(name))
            .When(s => s.BreakGlass != null)
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not an ECS key pair name; allowed: 2 to 128 letters, digits, '.', '_' and '-', starting with a letter: an existing key pair's name, or the name to import publicKey as")
            .OverridePropertyName("BreakGlass.KeyPairName");
        RuleFor(s => s.BreakGlass!.PublicKey)
            .Must(key => key is null || (key.Length <= 16_384 && Encryption.PublicKey.IsMatch(key)))
            .When(s => s.BreakGlass != null)
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not an OpenSSH public key on one line; allowed: ssh-rsa, ssh-ed25519 or ecdsa-sha2-nistp256/384/521 and its base64 body, as in an .pub file (never the private key), or none to use the existing key pair keyPairName")
            .OverridePropertyName("BreakGlass.PublicKey");
    }
}

/// <summary>Rules for `blink-infra:security.kms`: a key's options only for a key the stack declares, each within KMS's bounds.</summary>
public sealed class KmsValidator : AbstractValidator<KmsConfig>
{
    public KmsValidator()
    {
        RuleFor(k => k.Enabled)
            .NotEqual(false)
            .When(k => k.KeyId != null || k.AutomaticRotation != null || k.RotationIntervalDays != null || k.PendingWindowDays != null || k.DeletionProtection != null)
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("the other kms keys describe the key that enabled: false leaves out; allowed: enabled: true (or no enabled) with them, or enabled: false alone");
        RuleFor(k => k.Enabled)
            .NotNull()
            .When(k => k.KeyId is null && (k.AutomaticRotation != null || k.RotationIntervalDays != null || k.PendingWindowDays != null || k.DeletionProtection != null))
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("a key's options without enabled: true, and the key is off by default (it costs money); allowed: enabled: true with them, or keyId alone for an existing key");
        RuleFor(k => k.KeyId)
            .Must(id => id is null || Encryption.KeyId.IsMatch(id))
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage("not a KMS key id; allowed: the id of a symmetric (Aliyun_AES_256) key in the stack's region, such as key-hzz62f1cb66fa42qo1a2b or 0b30658a-ed1a-4922-b8f7-a673ca9c1a2b, or none to declare a key");
        RuleFor(k => k.KeyId)
            .Must((k, _) => k.AutomaticRotation is null && k.RotationIntervalDays is null && k.PendingWindowDays is null && k.DeletionProtection is null)
            .When(k => k.KeyId != null)
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("rotation, the pending window and deletion protection belong to a key the stack declares, not to the key keyId names, which its owner manages; allowed: keyId alone, or these keys without keyId");
        RuleFor(k => k.RotationIntervalDays)
            .InclusiveBetween(Encryption.MinRotationIntervalDays, Encryption.MaxRotationIntervalDays)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: {Encryption.MinRotationIntervalDays} to {Encryption.MaxRotationIntervalDays} days between automatic rotations");
        RuleFor(k => k.RotationIntervalDays)
            .Null()
            .When(k => k.AutomaticRotation != true)
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("a rotation interval without automaticRotation: true, which is off by default; allowed: automaticRotation: true with it, or no rotationIntervalDays");
        RuleFor(k => k.PendingWindowDays)
            .InclusiveBetween(Encryption.MinPendingWindowDays, Encryption.MaxPendingWindowDays)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: {Encryption.MinPendingWindowDays} to {Encryption.MaxPendingWindowDays} days a deleted key waits (and can be restored) before KMS destroys it");
    }

    /// <summary>The spec of a validated config: none unless enabled.</summary>
    public static KmsSpec? Build(KmsConfig? kms)
        => kms is { Enabled: true } || kms?.KeyId != null
            ? new KmsSpec(kms.KeyId, kms.AutomaticRotation ?? false,
                kms.RotationIntervalDays ?? Encryption.DefaultRotationIntervalDays,
                kms.PendingWindowDays ?? Encryption.DefaultPendingWindowDays,
                kms.DeletionProtection ?? true)
            : null;
}
