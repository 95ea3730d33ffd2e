using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GridCare.Analytics.Segmentation;

/// <summary>
/// The points of one k-means run in one contiguous row-major array (row i at i × Dimensions), with each row's squared
/// norm, split into fixed blocks of <see cref="BlockSize"/> rows. Blocks run in parallel, but their boundaries do not
/// depend on the number of cores and their partial results are merged in block order, so a seed gives the same
/// result on any machine.
/// </summary>
internal sealed class PointMatrix
{
    public const int BlockSize = 2048;

    public PointMatrix(double[][] points)
    {
        Count = points.Length;
        Dimensions = points[0].Length;
        Values = new double[Count * Dimensions];
        SquaredNorms = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            if (points[i].Length != Dimensions)
            {
                throw new ArgumentException("Every point needs the same number of dimensions.", nameof(points));
            }

            points[i].CopyTo(Values, i * Dimensions);
            SquaredNorms[i] = VectorMath.Dot(points[i], points[i]);
        }
    }

    public int Count { get; }

    public int Dimensions { get; }

    public double[] Values { get; }

    public double[] SquaredNorms { get; }

    public int Blocks => (Count + BlockSize - 1) / BlockSize;

    public ReadOnlySpan<double> Row(int index) => Values.AsSpan(index * Dimensions, Dimensions);

    /// <summary>Runs the body once per block (index, first row, end row), in parallel when there is more than one.</summary>
    public void ForEachBlock(Action<int, int, int> body)
    {
        if (Blocks == 1)
        {
            body(0, 0, Count);
            return;
        }

        Parallel.For(0, Blocks, b => body(b, b * BlockSize, Math.Min(Count, (b + 1) * BlockSize)));
    }
}

/// <summary>Dot products and distances with <see cref="Vector{T}"/> (four doubles at a time on AVX2).</summary>
internal static class VectorMath
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var width = Vector<double>.Count;
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sum += Vector.LoadUnsafe(ref x, (nuint)i) * Vector.LoadUnsafe(ref y, (nuint)i);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += Unsafe.Add(ref x, i) * Unsafe.Add(ref y, i);
        }

        return total;
    }

    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var width = Vector<double>.Count;
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            var d = Vector.LoadUnsafe(ref x, (nuint)i) - Vector.LoadUnsafe(ref y, (nuint)i);
            sum += d * d;
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            var d = Unsafe.Add(ref x, i) - Unsafe.Add(ref y, i);
            total += d * d;
        }

        return total;
    }

    /// <summary>Adds <paramref name="source"/> into <paramref name="target"/>, element by element.</summary>
    public static void AddTo(ReadOnlySpan<double> source, Span<double> target)
    {
        ref var s = ref MemoryMarshal.GetReference(source);
        ref var t = ref MemoryMarshal.GetReference(target);
        var width = Vector<double>.Count;
        var i = 0;
        for (; i <= source.Length - width; i += width)
        {
            (Vector.LoadUnsafe(ref t, (nuint)i) + Vector.LoadUnsafe(ref s, (nuint)i)).StoreUnsafe(ref t, (nuint)i);
        }

        for (; i < source.Length; i++)
        {
            Unsafe.Add(ref t, i) += Unsafe.Add(ref s, i);
        }
    }
}
