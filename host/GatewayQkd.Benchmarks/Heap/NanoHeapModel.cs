using System.Collections;
using System.Reflection;
using System.Text;

namespace GatewayQkd.Benchmarks.Heap;

/// <summary>
/// Sizes a live object graph of the portable core as the nanoCLR would store it, by walking it with reflection on the
/// host (hardware/memory-budget.md "Object size model", from nanoframework/nf-interpreter
/// src/CLR/Core/CLR_RT_HeapBlock_Array.cpp and src/CLR/Include/nanoCLR_Runtime__HeapBlock.h): heap blocks of 12 bytes;
/// a class instance takes one block for its header and one per instance field; an array a 20-byte header plus its
/// elements (1, 2, 4 or 8 bytes per primitive, one 12-byte block per reference), rounded up to whole blocks; a string
/// about 13 bytes plus its UTF-8 length; a boxed value 24 bytes; a Hashtable 48 bytes per entry plus 12 per bucket.
/// Only the core's objects and the arrays, strings, boxes and System.Collections containers they reach are counted:
/// the walk stops at objects of other assemblies (the ports' implementations, which are device adapters on a board).
/// </summary>
internal sealed class NanoHeapModel
{
    private const int Block = 12;
    private static readonly Assembly Core = typeof(Core.Gateway.GatewayService).Assembly;
    private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);

    /// <summary>Gets the bytes counted so far, by type name.</summary>
    public SortedDictionary<string, long> ByType { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the bytes counted so far.</summary>
    public long Total { get; private set; }

    /// <summary>Returns the nanoCLR bytes of everything reachable from the roots (objects already counted are not counted again).</summary>
    public static NanoHeapModel Measure(params object?[] roots)
    {
        var model = new NanoHeapModel();
        foreach (var root in roots)
        {
            model.Visit(root);
        }

        return model;
    }

    private static long Blocks(long bytes) => (bytes + Block - 1) / Block * Block;

    private static int ElementBytes(Type element) => element.IsEnum ? ElementBytes(Enum.GetUnderlyingType(element)) : Type.GetTypeCode(element) switch
    {
        TypeCode.Boolean or TypeCode.Byte or TypeCode.SByte => 1,
        TypeCode.Char or TypeCode.Int16 or TypeCode.UInt16 => 2,
        TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Single => 4,
        TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Double => 8,
        _ => Block,
    };

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }

    private void Add(object value, long bytes)
    {
        var name = value.GetType().Name;
        ByType[name] = ByType.GetValueOrDefault(name) + bytes;
        Total += bytes;
    }

    private void Visit(object? value)
    {
        if (value is null || !_seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        switch (value)
        {
            case string text:
                Add(value, Blocks(13 + Encoding.UTF8.GetByteCount(text)));
                return;
            case Array array:
                VisitArray(array);
                return;
            case Hashtable table:
                Add(value, Block * 6 + (48L * table.Count) + (Block * (long)Math.Max(table.Count, 4)));
                foreach (DictionaryEntry entry in table)
                {
                    Visit(entry.Key);
                    Visit(entry.Value);
                }

                return;
            case ArrayList list:
                Add(value, (Block * 4) + Blocks(20 + (Block * (long)list.Capacity)));
                foreach (var item in list)
                {
                    Visit(item);
                }

                return;
            case Queue queue:
                Add(value, (Block * 6) + Blocks(20 + (Block * (long)Math.Max(queue.Count, 32))));
                foreach (var item in queue)
                {
                    Visit(item);
                }

                return;
            case Delegate del:
                Add(value, Block * 4);
                foreach (var target in del.GetInvocationList().Select(d => d.Target))
                {
                    VisitIfCore(target);
                }

                return;
        }

        if (type.IsValueType)
        {
            Add(value, 2 * Block); // a boxed value: header + payload
            return;
        }

        if (type.Assembly != Core)
        {
            return; // an adapter behind a port, or a host object: not the core's heap
        }

        var fields = InstanceFields(type).ToList();
        Add(value, Block * (1L + fields.Count));
        foreach (var field in fields.Where(f => !f.FieldType.IsValueType || f.FieldType == typeof(object)))
        {
            Visit(field.GetValue(value));
        }
    }

    private void VisitIfCore(object? target)
    {
        if (target is not null && target.GetType().Assembly == Core)
        {
            Visit(target);
        }
    }

    private void VisitArray(Array array)
    {
        var element = array.GetType().GetElementType()!;
        if (element.IsValueType)
        {
            Add(array, Blocks(20 + ((long)array.Length * ElementBytes(element))));
            return;
        }

        Add(array, Blocks(20 + ((long)Block * array.Length)));
        foreach (var item in array)
        {
            Visit(item);
        }
    }
}
