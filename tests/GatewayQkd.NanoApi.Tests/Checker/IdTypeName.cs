using System.Text;

namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// Turns a type name in documentation-ID form (System.Byte[], System.Action{System.Object}, `0, ``0, [0:,0:]) into C#
/// source text with global:: qualification, for the reference stubs.
/// </summary>
internal static class IdTypeName
{
    /// <summary>Returns the C# spelling of an ID-form type name.</summary>
    public static string ToCSharp(string idType)
    {
        var position = 0;
        var result = Parse(idType.Trim(), ref position);
        if (position != idType.Trim().Length)
        {
            throw new FormatException("Unexpected text after type name: " + idType);
        }

        return result;
    }

    /// <summary>Splits a comma-separated list at the top level (ignoring commas inside {}, [] and ()).</summary>
    public static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'' || c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '{' || c == '[' || c == '(' || c == '<'))
            {
                depth++;
            }
            else if (!quoted && (c == '}' || c == ']' || c == ')' || c == '>'))
            {
                depth--;
            }
            else if (!quoted && depth == 0 && c == ',')
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        if (text.Trim().Length > 0)
        {
            parts.Add(text[start..].Trim());
        }

        return parts;
    }

    private static string Parse(string text, ref int position)
    {
        var builder = new StringBuilder();
        if (text[position] == '`')
        {
            var methodParameter = position + 1 < text.Length && text[position + 1] == '`';
            position += methodParameter ? 2 : 1;
            builder.Append(methodParameter ? 'M' : 'T').Append(ReadDigits(text, ref position));
        }
        else
        {
            var name = new StringBuilder();
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '.' || text[position] == '_' || text[position] == '`'))
            {
                name.Append(text[position]);
                position++;
            }

            var plain = StripArity(name.ToString());
            if (plain == "System.Void")
            {
                builder.Append("void");
            }
            else
            {
                builder.Append("global::").Append(plain);
            }

            if (position < text.Length && text[position] == '{')
            {
                position++;
                builder.Append('<');
                var first = true;
                while (text[position] != '}')
                {
                    if (!first)
                    {
                        position++; // the comma
                    }

                    builder.Append(first ? string.Empty : ", ").Append(Parse(text, ref position));
                    first = false;
                }

                position++;
                builder.Append('>');
            }
        }

        while (position < text.Length && (text[position] == '[' || text[position] == '*' || text[position] == '@'))
        {
            if (text[position] == '[')
            {
                var end = text.IndexOf(']', position);
                var rank = text[position..end].Count(c => c == ',') + 1;
                builder.Append('[').Append(',', rank - 1).Append(']');
                position = end + 1;
            }
            else
            {
                if (text[position] == '*')
                {
                    builder.Append('*');
                }

                position++;
            }
        }

        return builder.ToString();
    }

    private static string ReadDigits(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && char.IsDigit(text[position]))
        {
            position++;
        }

        return text[start..position];
    }

    private static string StripArity(string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '`')
            {
                while (i + 1 < name.Length && char.IsDigit(name[i + 1]))
                {
                    i++;
                }

                continue;
            }

            builder.Append(name[i]);
        }

        return builder.ToString();
    }
}
