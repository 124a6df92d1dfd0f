using GatewayQkd.Core.Ports;

namespace GatewayQkd.TestSupport;

/// <summary>
/// Storage that loses power at a chosen commit point, as littlefs's test block device does (littlefs-project/littlefs,
/// bd/lfs_emubd.h: power_cycles): every Write, Rewrite, Append and Delete is a numbered commit point (1, 2, 3...); at
/// the armed point the call leaves the flash as <see cref="CutOutcome"/> says and throws <see cref="PowerCutException"/>,
/// as does every later call. Reads never cut. <see cref="Reboot"/> gives fresh storage holding the surviving bytes.
/// A Delete or a Rewrite is durable only once a later Write or Append that creates a file returns (the port's
/// contract, IKeyStorage.Delete and Rewrite, as the host's folder storage behaves): a cut Before or Torn brings back
/// every file deleted, and the previous content of every file rewritten, since then (a Write or Append that returns
/// makes its own file's content durable), a cut After keeps them (the file system flushed on its own). A cut Rewrite
/// is never torn: it leaves the old or (After) the new content.
/// </summary>
public sealed class PowerCutStorage : IKeyStorage
{
    private int _cutAt;
    private CutOutcome _outcome;
    private int _tornBytes;
    // The content before the first delete or rewrite not yet durable, per file (null: the file did not exist).
    private readonly Dictionary<string, byte[]?> _notDurable = new(StringComparer.Ordinal);

    /// <summary>Creates power-cut storage over empty flash.</summary>
    public PowerCutStorage()
        : this(new InMemoryKeyStorage())
    {
    }

    /// <summary>Creates power-cut storage over <paramref name="flash"/> (kept and changed in place).</summary>
    public PowerCutStorage(InMemoryKeyStorage flash)
    {
        ArgumentNullException.ThrowIfNull(flash);
        Flash = flash;
    }

    /// <summary>Gets the flash content.</summary>
    public InMemoryKeyStorage Flash { get; }

    /// <summary>Gets the number of commit points reached so far (including a cut one).</summary>
    public int CommitPoints { get; private set; }

    /// <summary>Gets a value indicating whether power has been cut.</summary>
    public bool IsCut { get; private set; }

    /// <summary>Gets what the cut call left on flash (valid once <see cref="IsCut"/>).</summary>
    public CutOutcome AppliedOutcome { get; private set; }

    /// <summary>
    /// Arms a cut at commit point <paramref name="point"/> (counted from creation, 1-based); a torn Append keeps
    /// <paramref name="tornBytes"/> bytes (clamped below the call's length) or half of them when negative.
    /// </summary>
    public void ArmCut(int point, CutOutcome outcome, int tornBytes = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(point, CommitPoints);
        _cutAt = point;
        _outcome = outcome;
        _tornBytes = tornBytes;
    }

    /// <summary>Returns storage on a copy of the surviving flash, with no cut armed: the device after power returns.</summary>
    public PowerCutStorage Reboot() => new(Flash.Clone());

    /// <inheritdoc />
    public string[] ListFiles() => Alive().ListFiles();

    /// <inheritdoc />
    public bool Exists(string name) => Alive().Exists(name);

    /// <inheritdoc />
    public byte[] Read(string name) => Alive().Read(name);

    /// <inheritdoc />
    public void Write(string name, byte[] data, int offset, int count)
    {
        if (ReachCommitPoint())
        {
            var creates = !Flash.Exists(name);
            Flash.Write(name, data, offset, count);
            Returned(name, creates);
            return;
        }

        var applied = CutOutcome.Before;
        if (_outcome == CutOutcome.After)
        {
            Flash.Write(name, data, offset, count);
            applied = CutOutcome.After;
        }
        else if (_outcome == CutOutcome.Torn && !Flash.Exists(name) && !_notDurable.ContainsKey(name))
        {
            Flash.SetRaw(name, []);
            applied = CutOutcome.Torn;
        }

        throw Cut(applied);
    }

    /// <inheritdoc />
    public void Rewrite(string name, byte[] data, int offset, int count)
    {
        if (ReachCommitPoint())
        {
            if (!Flash.Exists(name))
            {
                Flash.Write(name, data, offset, count); // created as by Write (IKeyStorage.Rewrite)
                Returned(name, creates: true);
                return;
            }

            Remember(name);
            Flash.Write(name, data, offset, count);
            return;
        }

        if (_outcome == CutOutcome.After)
        {
            Flash.Write(name, data, offset, count);
        }

        throw Cut(_outcome == CutOutcome.After ? CutOutcome.After : CutOutcome.Before);
    }

    /// <inheritdoc />
    public void Append(string name, byte[] data, int offset, int count)
    {
        if (ReachCommitPoint())
        {
            var creates = !Flash.Exists(name);
            Flash.Append(name, data, offset, count);
            Returned(name, creates);
            return;
        }

        var outcome = _outcome;
        if (outcome == CutOutcome.After)
        {
            Flash.Append(name, data, offset, count);
        }
        else if (outcome == CutOutcome.Torn && count > 1)
        {
            var kept = _tornBytes < 0 ? count / 2 : Math.Min(_tornBytes, count - 1);
            var old = Flash.Exists(name) ? Flash.Read(name) : [];
            Flash.SetRaw(name, [.. old, .. InMemoryKeyStorage.Slice(data, offset, kept)]);
        }
        else
        {
            outcome = CutOutcome.Before;
        }

        throw Cut(outcome);
    }

    /// <inheritdoc />
    public void Delete(string name)
    {
        if (ReachCommitPoint())
        {
            if (Flash.Exists(name))
            {
                Remember(name);
            }

            Flash.Delete(name);
            return;
        }

        if (_outcome == CutOutcome.After)
        {
            Flash.Delete(name);
        }

        throw Cut(_outcome == CutOutcome.After ? CutOutcome.After : CutOutcome.Before);
    }

    // Keeps the durable content of a file about to be deleted or rewritten, unless an earlier change already did.
    private void Remember(string name)
    {
        if (!_notDurable.ContainsKey(name))
        {
            _notDurable[name] = Flash.Exists(name) ? Flash.Read(name) : null;
        }
    }

    // A returned Write or Append: its file's content is durable; creating a file syncs the directory, which makes
    // every pending delete and rewrite durable too.
    private void Returned(string name, bool creates)
    {
        if (creates)
        {
            _notDurable.Clear();
        }
        else
        {
            _notDurable.Remove(name);
        }
    }

    private InMemoryKeyStorage Alive() => IsCut ? throw new PowerCutException("The device is off (power was cut).") : Flash;

    // Returns true when the call may proceed normally, false when it is the cut point.
    private bool ReachCommitPoint()
    {
        Alive();
        CommitPoints++;
        return CommitPoints != _cutAt;
    }

    private PowerCutException Cut(CutOutcome applied)
    {
        if (applied != CutOutcome.After)
        {
            foreach (var (name, content) in _notDurable)
            {
                if (content == null)
                {
                    Flash.Delete(name); // the file's creation never reached the disk
                }
                else
                {
                    Flash.SetRaw(name, content); // the deletion or rewrite never reached the disk
                }
            }
        }

        _notDurable.Clear();
        IsCut = true;
        AppliedOutcome = applied;
        return new PowerCutException($"Power cut at commit point {CommitPoints} ({applied}).");
    }
}
