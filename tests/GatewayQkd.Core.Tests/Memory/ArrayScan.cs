using System.Collections;
using System.Reflection;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Tests.Memory;

/// <summary>
/// Finds the byte arrays an object graph references (by reflection over every field, through arrays and collections),
/// and tells which of them still hold any window of given key bytes. Storage, bus and log ports are not walked: what
/// they hold is flash or the outside world, not the gateway's RAM.
/// </summary>
internal static class ArrayScan
{
    /// <summary>The window length: 8 equal consecutive bytes are taken as a copy of the key (chance 2^-64 otherwise).</summary>
    public const int Window = 8;

    /// <summary>Returns every byte[] reachable from <paramref name="root"/>.</summary>
    public static List<byte[]> Reachable(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var arrays = new List<byte[]>();
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var item = pending.Pop();
            if (!seen.Add(item) || item is IKeyStorage or IMessageBus or ILog or string || item.GetType().IsPrimitive)
            {
                continue;
            }

            if (item is byte[] bytes)
            {
                arrays.Add(bytes);
                continue;
            }

            if (item is IEnumerable sequence and (Array or ArrayList or Hashtable or ICollection))
            {
                foreach (var element in sequence)
                {
                    if (element is DictionaryEntry entry)
                    {
                        Push(pending, entry.Key);
                        Push(pending, entry.Value);
                    }
                    else
                    {
                        Push(pending, element);
                    }
                }

                if (item is Array)
                {
                    continue;
                }
            }

            for (var type = item.GetType(); type is not null && type != typeof(object); type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                {
                    if (!field.FieldType.IsPrimitive && !field.FieldType.IsEnum && !field.FieldType.IsPointer)
                    {
                        Push(pending, field.GetValue(item));
                    }
                }
            }
        }

        return arrays;
    }

    /// <summary>Returns the arrays among <paramref name="arrays"/> that contain any <see cref="Window"/>-byte window of <paramref name="key"/>.</summary>
    public static List<byte[]> Holding(IEnumerable<byte[]> arrays, byte[] key)
    {
        var windows = new HashSet<string>();
        for (var i = 0; i + Window <= key.Length; i++)
        {
            windows.Add(Convert.ToHexString(key, i, Window));
        }

        return arrays.Where(a => Enumerable.Range(0, Math.Max(0, a.Length - Window + 1)).Any(i => windows.Contains(Convert.ToHexString(a, i, Window)))).ToList();
    }

    private static void Push(Stack<object> pending, object? value)
    {
        if (value is not null && !value.GetType().IsValueType || value is DictionaryEntry)
        {
            pending.Push(value!);
        }
    }
}
