namespace Fabric.Leases;

/// <summary>
/// The Lua scripts that apply <see cref="Fabric.Contracts.Hosts.Leases.LeaseRules"/> inside Redis, where
/// each runs atomically and reads Redis' own clock (TIME), so one clock decides every expiry. A lease is
/// one field of one hash, "holder|token|renewedAtMs|expiresAtMs|generation|fencedGeneration".
/// Keep them in step with LeaseRules: the lease tests run the same cases against both.
/// </summary>
internal static class RedisLeaseScripts
{
    private const string Prelude = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local function parse(raw)
          if not raw then return nil end
          local h, k, r, e, g, f = string.match(raw, '^([^|]*)|([^|]*)|(%d+)|(%d+)|(%d+)|(%d+)$')
          return { holder = h, token = k, renewed = tonumber(r), expires = tonumber(e), generation = tonumber(g), fenced = tonumber(f) }
        end
        local function format(l)
          return l.holder .. '|' .. l.token .. '|' .. string.format('%d', l.renewed) .. '|' .. string.format('%d', l.expires) .. '|' .. string.format('%d', l.generation) .. '|' .. string.format('%d', l.fenced)
        end
        """;

    /// <summary>KEYS[1] hash; ARGV host, incarnation, token, ttlMs. Returns {outcome, lease or false}.</summary>
    public const string Renew = Prelude + "\n" + """
        local cur = parse(redis.call('HGET', KEYS[1], ARGV[1]))
        local inc, token, ttl = ARGV[2], ARGV[3], tonumber(ARGV[4])
        local outcome
        if not cur then
          cur = { holder = inc, token = token, renewed = now, expires = now + ttl, generation = 1, fenced = 0 }
          outcome = 'Acquired'
        else
          local live = now < cur.expires and cur.fenced ~= cur.generation
          if cur.holder == inc then
            if live then
              cur.renewed = now
              cur.expires = now + ttl
              outcome = 'Renewed'
            else
              outcome = 'Lapsed'
            end
          elseif not live then
            outcome = 'Acquired'
          elseif string.len(token) > 0 and token == cur.token then
            outcome = 'TookOver'
          else
            outcome = 'Held'
          end
          if outcome == 'Acquired' or outcome == 'TookOver' then
            cur.holder = inc
            cur.token = token
            cur.renewed = now
            cur.expires = now + ttl
            cur.generation = cur.generation + 1
          end
        end
        if outcome ~= 'Held' and outcome ~= 'Lapsed' then
          redis.call('HSET', KEYS[1], ARGV[1], format(cur))
        end
        return { outcome, format(cur) }
        """;

    /// <summary>KEYS[1] hash; ARGV host, generation, marginMs. Returns 1 when this call declared the generation dead.</summary>
    public const string Fence = Prelude + "\n" + """
        local cur = parse(redis.call('HGET', KEYS[1], ARGV[1]))
        if not cur then return 0 end
        local generation, margin = tonumber(ARGV[2]), tonumber(ARGV[3])
        if cur.generation ~= generation or cur.fenced == cur.generation or now < cur.expires + margin then return 0 end
        cur.fenced = generation
        redis.call('HSET', KEYS[1], ARGV[1], format(cur))
        return 1
        """;

    /// <summary>KEYS[1] hash. Returns {nowMs, host1, lease1, host2, lease2, …} read at one instant.</summary>
    public const string ReadAll = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local all = redis.call('HGETALL', KEYS[1])
        table.insert(all, 1, string.format('%d', now))
        return all
        """;
}
