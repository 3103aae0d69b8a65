namespace Fabric.HostAgent.Fencing;

/// <summary>
/// Whether this agent may drive its host's VMs: only while its current incarnation holds an unexpired
/// lease, counted from when the granted renewal was <em>sent</em> (so it ends before the witness's
/// expiry), and never while a fence is under way. The reconciler and every VM worker ask it before acting.
/// </summary>
public sealed class LeaseGate(AgentIdentity identity, TimeProvider time)
{
    private readonly Lock _lock = new();
    private long _validUntil;
    private bool _held;
    private bool _fencing;

    public AgentIdentity Identity => identity;

    /// <summary>True while the lease is held and unexpired: VMs may be driven.</summary>
    public bool IsHeld
    {
        get
        {
            lock (_lock)
            {
                return _held && !_fencing && time.GetTimestamp() < _validUntil;
            }
        }
    }

    /// <summary>True when this incarnation believes it holds the lease (expired or not): losing it means a fence.</summary>
    public bool BelievedHeld
    {
        get
        {
            lock (_lock)
            {
                return _held && !_fencing;
            }
        }
    }

    /// <summary>True when the lease was held and ran out unrenewed: the agent must fence now.</summary>
    public bool RanOut
    {
        get
        {
            lock (_lock)
            {
                return _held && !_fencing && time.GetTimestamp() >= _validUntil;
            }
        }
    }

    /// <summary>When the lease ends (a <see cref="TimeProvider"/> timestamp), or null when none is held.</summary>
    public long? ValidUntil
    {
        get
        {
            lock (_lock)
            {
                return _held ? _validUntil : null;
            }
        }
    }

    /// <summary>
    /// Records a granted renewal that <paramref name="incarnation"/> sent at <paramref name="sentAt"/>.
    /// Ignored when the agent fenced (and so changed incarnation) since it was sent, or when the grant
    /// came back too late to be worth anything. True when this grant began holding the lease.
    /// </summary>
    public bool Grant(string incarnation, long sentAt, TimeSpan ttl)
    {
        var until = sentAt + (long)(ttl.TotalSeconds * time.TimestampFrequency);
        lock (_lock)
        {
            if (_fencing || incarnation != identity.Incarnation || (!_held && time.GetTimestamp() >= until))
            {
                return false;
            }

            var began = !_held;
            _validUntil = _held ? Math.Max(_validUntil, until) : until;
            _held = true;
            return began;
        }
    }

    /// <summary>Closes the gate for a fence: nothing is driven and no grant is taken until <see cref="EndFence"/>.</summary>
    public void BeginFence()
    {
        lock (_lock)
        {
            _fencing = true;
            _held = false;
        }
    }

    /// <summary>Ends a fence as a new incarnation, which must win a lease of its own before it drives anything.</summary>
    public string EndFence()
    {
        lock (_lock)
        {
            _fencing = false;
            return identity.Renew();
        }
    }
}
