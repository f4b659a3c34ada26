"""Django's Redis cache backend, made forgiving: while Redis cannot be reached (restarting, the
network between the servers gone), a read is a miss and a write is skipped, with one line in
the log a minute, instead of a 500 on every page. Pages are then made from the database, as
with the page cache off, and the copies come back with Redis. A short socket timeout
(settings.caches_from_env) keeps a Redis that hangs from holding up every request.

Django's backend also builds a new `redis.Redis` for every command, and a cache hit of a page
spent more time building those (their table of reply parsers) than talking to Redis; here one
client per server and options serves the whole process, every alias, thread and greenlet
(`redis.Redis` takes a connection from its pool for each command, and the pool reopens its
connections after gunicorn forks a worker)."""

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
WARN_EVERY_SECONDS = 60
_last_warning = [float("-inf")]


def _warn(error):
    now = time.monotonic()
    if now - _last_warning[0] >= WARN_EVERY_SECONDS:
        _last_warning[0] = now
        logger.warning("Redis unreachable, pages are served without the cache: %s", error)


def forgiving(method, fallback):
    """The backend's method, answering `fallback(*arguments)` while Redis cannot be reached."""

    @wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE as error:
            _warn(error)
            return fallback(*args, **kwargs)

    return call


def nothing(*args, **kwargs):
    return None


def no(*args, **kwargs):
    return False


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's client, with one `redis.Redis` (and so one pool of connections) per server
    and options for the whole process instead of one per command and per cache instance."""

    # (server URL, options) -> redis.Redis
    clients = {}

    def get_client(self, key=None, *, write=False):
        server = self._servers[self._get_connection_pool_index(write)]
        options = tuple(sorted((name, repr(value)) for name, value in self._pool_options.items()))
        client = self.clients.get((server, options))
        if client is None:
            pool = self._pool_class.from_url(server, **self._pool_options)
            client = self.clients.setdefault((server, options), self._client(connection_pool=pool))
        return client


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def validate_key(self, key):
        # Django's check warns of keys memcached would refuse (over 250 characters, spaces,
        # control characters) by reading each character in Python, 2.6 µs a key (0.3 without),
        # and a hit reads two. Redis takes any key; ours are short names and hashes.
        pass

    get = forgiving(RedisCache.get, lambda key, default=None, version=None: default)
    get_many = forgiving(RedisCache.get_many, lambda *args, **kwargs: {})
    has_key = forgiving(RedisCache.has_key, no)
    add = forgiving(RedisCache.add, no)
    set = forgiving(RedisCache.set, nothing)
    set_many = forgiving(RedisCache.set_many, lambda data, *args, **kwargs: list(data))
    touch = forgiving(RedisCache.touch, no)
    delete = forgiving(RedisCache.delete, no)
    delete_many = forgiving(RedisCache.delete_many, nothing)
    incr = forgiving(RedisCache.incr, lambda key, delta=1, version=None: 0)
