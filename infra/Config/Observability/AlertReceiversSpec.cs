using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Config;

/// <summary>
/// An alert contact: its name, how it is reached (<see cref="Facts.AlertNotifications.ChannelOf"/>'s keys) and, where
/// the secret could be read, the details each way needs. Offline the secret cannot be decrypted: the details are null
/// and the program plans them masked.
/// </summary>
public sealed record AlertContactSpec(string Name, ImmutableArray<string> Via, string? Email, string? Phone, string? DingTalkWebhook)
{
    /// <summary>Never the details, wherever a spec is printed: they are personal data.</summary>
    public override string ToString() => $"AlertContactSpec {{ Name = {Name}, Via = [{string.Join(", ", Via)}], Details = {Secrets.Mask} }}";
}

/// <summary>The stack's alert contacts, in the order given; <see cref="Readable"/> whether their details were.</summary>
public sealed record AlertReceiversSpec(ImmutableArray<AlertContactSpec> Contacts, bool Readable)
{
    /// <summary>The ARMS channels the dispatch rule notifies on: each way some contact is reached, in a fixed order.</summary>
    public ImmutableArray<string> Channels => Facts.AlertNotifications.ChannelOf
        .Where(c => Contacts.Any(contact => contact.Via.Contains(c.Key))).Select(c => c.Value).ToImmutableArray();
}
