using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// The one way text a user wrote reaches a terminal or a log: every message that quotes user input
/// (config errors, stack file errors, state and plan file errors, policy findings) goes through here.
/// Key material is masked first (<see cref="KeyMaterial"/>), then every control character is shown
/// escaped (C0 and C1 controls, DEL, and the format characters that reorder or hide text: bidirectional
/// overrides, zero-width characters, line and paragraph separators), so that no value can clear the
/// screen, move the cursor, hide text or print a line of its own.
/// </summary>
public static class UserText
{
    /// <summary>How many characters of a value a message quotes before it cuts it.</summary>
    public const int MaxQuotedChars = 200;

    /// <summary>A value quoted for a message: masked, cut, escaped, in double quotes.</summary>
    public static string Quote(string value)
    {
        var masked = Mask(value);
        var cut = masked.Length <= MaxQuotedChars ? masked : masked[..(MaxQuotedChars - 3)] + "...";
        return "\"" + Escape(cut, quotes: true) + "\"";
    }

    /// <summary>Text that embeds user input, as a message shows it: masked and with control characters escaped (backslashes kept as they are).</summary>
    public static string Shown(string text) => Escape(Mask(text), quotes: false, backslashes: false);

    /// <summary>Text that holds control characters escaped, with any key material masked first; lines of a message are kept.</summary>
    public static string ShownLines(string text) => string.Join("\n", text.Split('\n').Select(Shown));

    /// <summary>Key material replaced by the mask, everything else as it was.</summary>
    public static string Mask(string text)
    {
        if (text.Length == 0)
            return text;
        try
        {
            var masked = KeyMaterial.PemBlock.Replace(text, Secrets.Mask);
            foreach (var token in KeyMaterial.Tokens)
                masked = token.Replace(masked, Secrets.Mask);
            var opaque = KeyMaterial.OpaqueTokens(masked).ToList();
            for (var i = opaque.Count - 1; i >= 0; i--)
                masked = masked[..opaque[i].Index] + Secrets.Mask + masked[(opaque[i].Index + opaque[i].Length)..];
            return masked;
        }
        catch (RegexMatchTimeoutException)
        {
            // Text built to make the patterns slow is shown as nothing but the mask.
            return Secrets.Mask;
        }
    }

    /// <summary>Whether a character is one a terminal acts on or that hides or reorders text.</summary>
    public static bool IsControl(char c)
        => char.IsControl(c)
           || char.IsSurrogate(c)
           || c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\u2060' or '\uFEFF'
           || c is >= '\u202A' and <= '\u202E'
           || c is >= '\u2066' and <= '\u2069';

    /// <summary>The first control character of a value (index and the character), or none.</summary>
    public static (int Index, char Char)? FirstControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsControl(c))
                return (i, c);
        }
        return null;
    }

    /// <summary>A character's name in a message: its escape and, for the common ones, what it is.</summary>
    public static string Describe(char c)
    {
        var name = c switch
        {
            '\0' => "NUL",
            '\a' => "BEL",
            '\b' => "backspace",
            '\t' => "tab",
            '\n' => "line feed",
            '\v' => "vertical tab",
            '\f' => "form feed",
            '\r' => "carriage return",
            '\u001b' => "ESC, which starts a terminal escape sequence",
            '\u007f' => "DEL",
            '\u2028' => "line separator",
            '\u2029' => "paragraph separator",
            >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => "a bidirectional override, which reorders the text shown",
            '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' => "a zero-width character",
            _ when char.IsSurrogate(c) => "half of a surrogate pair",
            _ => "a control character",
        };
        return $"{Escape(c.ToString(), quotes: false)} ({name})";
    }

    /// <summary>Control characters escaped as \n, \t, \0, \e or \uXXXX; quotes and backslashes escaped when asked.</summary>
    public static string Escape(string text, bool quotes, bool backslashes = true)
    {
        StringBuilder? result = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? escaped = null;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (IsControl(c))
            {
                escaped = c switch
                {
                    '\0' => "\\0",
                    '\a' => "\\a",
                    '\b' => "\\b",
                    '\t' => "\\t",
                    '\n' => "\\n",
                    '\v' => "\\v",
                    '\f' => "\\f",
                    '\r' => "\\r",
                    '\u001b' => "\\e",
                    _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                };
            }
            else if ((quotes && c == '"') || (backslashes && c == '\\'))
            {
                escaped = "\\" + c;
            }
            if (escaped is null)
            {
                result?.Append(c);
                continue;
            }
            result ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
            result.Append(escaped);
        }
        return result?.ToString() ?? text;
    }

    /// <summary>The problems of one value a user wrote: key material in plain text, then a control character (each its own error).</summary>
    public static IEnumerable<(DiagnosticEntry Code, string Problem)> Problems(string value, bool isSecret)
    {
        if (!isSecret && KeyMaterial.HoldsPrivateKey(value))
        {
            yield return (DiagnosticCatalogue.PlainTextSecret, "holds a private key (masked here), in plain text in the stack file and in every plan and state made from it; allowed: no private key in config: for break-glass access the public key (the .pub file), and anything secret as a Pulumi secret (pulumi config set --secret)");
            yield break;
        }
        if (FirstControl(value) is { } control)
        {
            var hint = control.Char == '\n' && control.Index == value.Length - 1
                ? " (a YAML block scalar, | or >, keeps a final line break: write |- or >-, or a quoted value)"
                : "";
            yield return (DiagnosticCatalogue.ControlCharacter, $"holds the control character {Describe(control.Char)} at character {control.Index + 1}{hint}, which a terminal would act on and no setting of the stack takes; allowed: printable text on one line");
        }
    }
}
