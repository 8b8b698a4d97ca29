using System;
using System.Globalization;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// `blink-infra:maintenance.window.startTime`, parsed once, as the config is read, by what it is: a date that exists, a
/// time of day that exists, an offset that exists (<see cref="Maintenance.DateTimePattern"/>,
/// <see cref="Maintenance.TimeOfDayPattern"/>). What a person writes (23:00) is completed into the RFC3339 the provider
/// takes in the region's time zone (<see cref="In"/>), which the config's other section gives, so the parse keeps the
/// parts and the completion reads them. <see cref="Problem"/> says what is wrong without what is allowed, which names
/// the region (<see cref="Allowed"/>): the validator adds it.
/// </summary>
public sealed record StartTimeValue : ConfigValue
{
    private static readonly Regex DateTime = new(Maintenance.DateTimePattern, RegexOptions.CultureInvariant);
    private static readonly Regex TimeOfDay = new(Maintenance.TimeOfDayPattern, RegexOptions.CultureInvariant);
    private static readonly DateOnly ReferenceDate = DateOnly.ParseExact(Maintenance.ReferenceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private StartTimeValue(string text, DateOnly date, TimeOnly time, string? offset, bool whole, string? problem)
        : base(text, problem)
    {
        Date = date;
        Time = time;
        Offset = offset;
        Whole = whole;
    }

    /// <summary>The date given, or <see cref="Maintenance.ReferenceDate"/> for a time of day.</summary>
    public DateOnly Date { get; }

    /// <summary>The time of day, to the second.</summary>
    public TimeOnly Time { get; }

    /// <summary>The offset given ("Z" or "+08:00"); null when the text gives none and the region's is meant.</summary>
    public string? Offset { get; }

    /// <summary>Whether the text is already what the provider takes (a whole RFC3339 time with its offset), kept as given.</summary>
    public bool Whole { get; }

    /// <summary>What a start time may be, for messages.</summary>
    public static string Allowed(string? region)
    {
        var (offset, name) = Maintenance.TimeZoneOf(region);
        var where = region is null ? "the region's time zone" : $"{region}'s time zone";
        return $"a time of day on a 24-hour clock such as 23:00 (read in {where}, UTC{offset} {name}, unless it carries an offset such as Z or +08:00), or a date and time with its offset such as {Maintenance.DefaultStartTime} (ACK takes its time of day)";
    }

    /// <summary>The value the provider gets in <paramref name="region"/>, and, when the region's offset completed it, the zone used, for a note.</summary>
    public (string Value, string? ZoneUsed) In(string? region)
    {
        if (Whole)
            return (Text, null);
        var zone = Maintenance.TimeZoneOf(region);
        return Offset is null
            ? (Format(Date, Time, zone.Offset), $"UTC{zone.Offset}, {zone.Name}{(region is null ? "" : $", the time of {region}")}")
            : (Format(Date, Time, Offset), null);
    }

    /// <summary>The value of a config text: the one place a start time is parsed.</summary>
    public static StartTimeValue Parse(string text)
    {
        StartTimeValue Refused(string problem) => new(text, default, default, null, false, problem);
        if (DateTime.Match(text) is { Success: true } full)
        {
            var date = full.Groups["date"].Value;
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return Refused($"{date} is not a date that exists{WhyNotADate(date)}");
            if (!TryTime(full.Groups["time"].Value, out var time, out var problem) || !TryOffset(full.Groups["offset"].Value, out var offset, out problem))
                return Refused(problem);
            var whole = full.Groups["offset"].Success && full.Groups["time"].Value.Length >= 8 && text.Contains('T', StringComparison.Ordinal);
            return new StartTimeValue(text, day, time, offset, whole, null);
        }
        if (TimeOfDay.Match(text) is { Success: true } clock)
        {
            var hhmmss = $"{int.Parse(clock.Groups["hour"].Value, CultureInfo.InvariantCulture):00}:{clock.Groups["minute"].Value}:{(clock.Groups["second"].Success ? clock.Groups["second"].Value : "00")}";
            if (!TryTime(hhmmss, out var time, out var problem) || !TryOffset(clock.Groups["offset"].Value, out var offset, out problem))
                return Refused(problem);
            // A whole time with its offset (03:00:00Z, as the provider's tests write it) stays as given.
            var whole = clock.Groups["second"].Success && clock.Groups["offset"].Success && (offset == "Z" || clock.Groups["offset"].Value.Contains(':', StringComparison.Ordinal));
            return new StartTimeValue(text, ReferenceDate, time, offset, whole, null);
        }
        return Refused("not a time of day or an RFC3339 date and time");
    }

    private static string Format(DateOnly day, TimeOnly time, string offset)
        => $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T{time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}.000{(offset == "Z" ? "Z" : offset)}";

    private static bool TryTime(string text, out TimeOnly time, out string problem)
    {
        problem = "";
        var parts = text.Split(':');
        var hour = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var minute = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var second = parts.Length > 2 ? double.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
        time = default;
        if (hour > 23 || minute > 59 || second >= 60)
        {
            problem = $"{text} is not a time of day that exists (hours 00 to 23, minutes and seconds 00 to 59)";
            return false;
        }
        time = new TimeOnly(hour, minute, (int)second);
        return true;
    }

    private static bool TryOffset(string text, out string? offset, out string problem)
    {
        problem = "";
        offset = null;
        if (text.Length == 0)
            return true;
        if (text is "Z" or "z")
        {
            offset = "Z";
            return true;
        }
        var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = int.Parse(digits[2..], CultureInfo.InvariantCulture);
        if (hours > 14 || minutes > 59)
        {
            problem = $"{text} is not a UTC offset that exists (-12:00 to +14:00)";
            return false;
        }
        offset = $"{text[0]}{hours:00}:{minutes:00}";
        return true;
    }

    private static string WhyNotADate(string date)
    {
        var parts = date.Split('-');
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
            return $" (there is no month {month:00})";
        var days = System.DateTime.DaysInMonth(Math.Max(1, year), month);
        return $" ({CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {year} has {days} days)";
    }
}
