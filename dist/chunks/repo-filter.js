import { N as NowPageError } from './errors.js';
import { c as commonjsGlobal, g as getDefaultExportFromCjs } from './_commonjsHelpers.js';
import { R as RequestError, l as lazyBuiltin, O as Octokit, i as isLiteralGlob } from './inputs.js';
import { g as getProxyUrl } from './proxy.js';
import { i as isIsoDate, p as parseIsoDate, e as partsInZone } from './input-defaults.js';

/**
 * The hosts a forge answers to in filters: its own, and for a base with a path whose last part
 * is a host (`http://127.0.0.1:PORT/gitlab.gnome.org`, as the emulator serves forges) that one.
 */
function hostsOf(base) {
    let url;
    try {
        url = new URL(base);
    }
    catch {
        return [];
    }
    const last = url.pathname.split('/').filter(Boolean).pop();
    return [url.host.toLowerCase(), ...(last && last.includes('.') ? [last.toLowerCase()] : [])];
}
/** The globs of `list` that apply on a forge answering to `hosts`, without their host part. */
function scopedGlobs(list, hosts, allHosts) {
    const known = new Set(allHosts.map((h) => h.toLowerCase()));
    const own = new Set(hosts.map((h) => h.toLowerCase()));
    const out = [];
    for (const glob of list) {
        const slash = glob.indexOf('/');
        const first = glob.slice(0, slash).toLowerCase();
        if (slash > 0 && known.has(first)) {
            if (own.has(first))
                out.push(glob.slice(slash + 1));
        }
        else {
            out.push(glob);
        }
    }
    return out;
}
function forgeScope(lists, hosts, allHosts) {
    const scoped = {
        includeRepos: scopedGlobs(lists.includeRepos, hosts, allHosts),
        excludeRepos: scopedGlobs(lists.excludeRepos, hosts, allHosts),
        excludeOrgs: scopedGlobs(lists.excludeOrgs, hosts, allHosts),
    };
    return {
        lists: scoped,
        nothingIncluded: lists.includeRepos.length > 0 && scoped.includeRepos.length === 0,
    };
}
/** The globs that name one repository exactly (no wildcard): those can be read one by one. */
function literalRepos(globs) {
    return globs.filter((g) => !/[*?{}[\]!]/.test(g) && g.includes('/'));
}

/**
 * Bounds concurrent requests. Wrap single requests (or single pages), never a task that itself
 * waits for limited work: a slot held while waiting for another slot can deadlock.
 */
function createLimit(max) {
    let active = 0;
    const waiting = [];
    return async (fn) => {
        // A finishing task hands its slot straight to the next waiter, so none can jump the queue.
        if (active < max)
            active++;
        else
            await new Promise((resolve) => waiting.push(resolve));
        try {
            return await fn();
        }
        finally {
            const next = waiting.shift();
            if (next)
                next();
            else
                active--;
        }
    };
}
/** Iterates a paginate iterator with each page's request taken under `limit`. */
async function* limitedPages(pages, limit) {
    const iterator = pages[Symbol.asyncIterator]();
    for (;;) {
        const next = await limit(() => iterator.next());
        if (next.done)
            return;
        yield next.value;
    }
}

var light$1 = {exports: {}};

/**
  * This file contains the Bottleneck library (MIT), compiled to ES2017, and without Clustering support.
  * https://github.com/SGrondin/bottleneck
  */
var light = light$1.exports;

var hasRequiredLight;

function requireLight () {
	if (hasRequiredLight) return light$1.exports;
	hasRequiredLight = 1;
	(function (module, exports) {
		(function (global, factory) {
			module.exports = factory() ;
		}(light, (function () {
			var commonjsGlobal$1 = typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : typeof commonjsGlobal !== 'undefined' ? commonjsGlobal : typeof self !== 'undefined' ? self : {};

			function getCjsExportFromNamespace (n) {
				return n && n['default'] || n;
			}

			var load = function(received, defaults, onto = {}) {
			  var k, ref, v;
			  for (k in defaults) {
			    v = defaults[k];
			    onto[k] = (ref = received[k]) != null ? ref : v;
			  }
			  return onto;
			};

			var overwrite = function(received, defaults, onto = {}) {
			  var k, v;
			  for (k in received) {
			    v = received[k];
			    if (defaults[k] !== void 0) {
			      onto[k] = v;
			    }
			  }
			  return onto;
			};

			var parser = {
				load: load,
				overwrite: overwrite
			};

			var DLList;

			DLList = class DLList {
			  constructor(incr, decr) {
			    this.incr = incr;
			    this.decr = decr;
			    this._first = null;
			    this._last = null;
			    this.length = 0;
			  }

			  push(value) {
			    var node;
			    this.length++;
			    if (typeof this.incr === "function") {
			      this.incr();
			    }
			    node = {
			      value,
			      prev: this._last,
			      next: null
			    };
			    if (this._last != null) {
			      this._last.next = node;
			      this._last = node;
			    } else {
			      this._first = this._last = node;
			    }
			    return void 0;
			  }

			  shift() {
			    var value;
			    if (this._first == null) {
			      return;
			    } else {
			      this.length--;
			      if (typeof this.decr === "function") {
			        this.decr();
			      }
			    }
			    value = this._first.value;
			    if ((this._first = this._first.next) != null) {
			      this._first.prev = null;
			    } else {
			      this._last = null;
			    }
			    return value;
			  }

			  first() {
			    if (this._first != null) {
			      return this._first.value;
			    }
			  }

			  getArray() {
			    var node, ref, results;
			    node = this._first;
			    results = [];
			    while (node != null) {
			      results.push((ref = node, node = node.next, ref.value));
			    }
			    return results;
			  }

			  forEachShift(cb) {
			    var node;
			    node = this.shift();
			    while (node != null) {
			      (cb(node), node = this.shift());
			    }
			    return void 0;
			  }

			  debug() {
			    var node, ref, ref1, ref2, results;
			    node = this._first;
			    results = [];
			    while (node != null) {
			      results.push((ref = node, node = node.next, {
			        value: ref.value,
			        prev: (ref1 = ref.prev) != null ? ref1.value : void 0,
			        next: (ref2 = ref.next) != null ? ref2.value : void 0
			      }));
			    }
			    return results;
			  }

			};

			var DLList_1 = DLList;

			var Events;

			Events = class Events {
			  constructor(instance) {
			    this.instance = instance;
			    this._events = {};
			    if ((this.instance.on != null) || (this.instance.once != null) || (this.instance.removeAllListeners != null)) {
			      throw new Error("An Emitter already exists for this object");
			    }
			    this.instance.on = (name, cb) => {
			      return this._addListener(name, "many", cb);
			    };
			    this.instance.once = (name, cb) => {
			      return this._addListener(name, "once", cb);
			    };
			    this.instance.removeAllListeners = (name = null) => {
			      if (name != null) {
			        return delete this._events[name];
			      } else {
			        return this._events = {};
			      }
			    };
			  }

			  _addListener(name, status, cb) {
			    var base;
			    if ((base = this._events)[name] == null) {
			      base[name] = [];
			    }
			    this._events[name].push({cb, status});
			    return this.instance;
			  }

			  listenerCount(name) {
			    if (this._events[name] != null) {
			      return this._events[name].length;
			    } else {
			      return 0;
			    }
			  }

			  async trigger(name, ...args) {
			    var e, promises;
			    try {
			      if (name !== "debug") {
			        this.trigger("debug", `Event triggered: ${name}`, args);
			      }
			      if (this._events[name] == null) {
			        return;
			      }
			      this._events[name] = this._events[name].filter(function(listener) {
			        return listener.status !== "none";
			      });
			      promises = this._events[name].map(async(listener) => {
			        var e, returned;
			        if (listener.status === "none") {
			          return;
			        }
			        if (listener.status === "once") {
			          listener.status = "none";
			        }
			        try {
			          returned = typeof listener.cb === "function" ? listener.cb(...args) : void 0;
			          if (typeof (returned != null ? returned.then : void 0) === "function") {
			            return (await returned);
			          } else {
			            return returned;
			          }
			        } catch (error) {
			          e = error;
			          {
			            this.trigger("error", e);
			          }
			          return null;
			        }
			      });
			      return ((await Promise.all(promises))).find(function(x) {
			        return x != null;
			      });
			    } catch (error) {
			      e = error;
			      {
			        this.trigger("error", e);
			      }
			      return null;
			    }
			  }

			};

			var Events_1 = Events;

			var DLList$1, Events$1, Queues;

			DLList$1 = DLList_1;

			Events$1 = Events_1;

			Queues = class Queues {
			  constructor(num_priorities) {
			    this.Events = new Events$1(this);
			    this._length = 0;
			    this._lists = (function() {
			      var j, ref, results;
			      results = [];
			      for (j = 1, ref = num_priorities; (1 <= ref ? j <= ref : j >= ref); 1 <= ref ? ++j : --j) {
			        results.push(new DLList$1((() => {
			          return this.incr();
			        }), (() => {
			          return this.decr();
			        })));
			      }
			      return results;
			    }).call(this);
			  }

			  incr() {
			    if (this._length++ === 0) {
			      return this.Events.trigger("leftzero");
			    }
			  }

			  decr() {
			    if (--this._length === 0) {
			      return this.Events.trigger("zero");
			    }
			  }

			  push(job) {
			    return this._lists[job.options.priority].push(job);
			  }

			  queued(priority) {
			    if (priority != null) {
			      return this._lists[priority].length;
			    } else {
			      return this._length;
			    }
			  }

			  shiftAll(fn) {
			    return this._lists.forEach(function(list) {
			      return list.forEachShift(fn);
			    });
			  }

			  getFirst(arr = this._lists) {
			    var j, len, list;
			    for (j = 0, len = arr.length; j < len; j++) {
			      list = arr[j];
			      if (list.length > 0) {
			        return list;
			      }
			    }
			    return [];
			  }

			  shiftLastFrom(priority) {
			    return this.getFirst(this._lists.slice(priority).reverse()).shift();
			  }

			};

			var Queues_1 = Queues;

			var BottleneckError;

			BottleneckError = class BottleneckError extends Error {};

			var BottleneckError_1 = BottleneckError;

			var BottleneckError$1, DEFAULT_PRIORITY, Job, NUM_PRIORITIES, parser$1;

			NUM_PRIORITIES = 10;

			DEFAULT_PRIORITY = 5;

			parser$1 = parser;

			BottleneckError$1 = BottleneckError_1;

			Job = class Job {
			  constructor(task, args, options, jobDefaults, rejectOnDrop, Events, _states, Promise) {
			    this.task = task;
			    this.args = args;
			    this.rejectOnDrop = rejectOnDrop;
			    this.Events = Events;
			    this._states = _states;
			    this.Promise = Promise;
			    this.options = parser$1.load(options, jobDefaults);
			    this.options.priority = this._sanitizePriority(this.options.priority);
			    if (this.options.id === jobDefaults.id) {
			      this.options.id = `${this.options.id}-${this._randomIndex()}`;
			    }
			    this.promise = new this.Promise((_resolve, _reject) => {
			      this._resolve = _resolve;
			      this._reject = _reject;
			    });
			    this.retryCount = 0;
			  }

			  _sanitizePriority(priority) {
			    var sProperty;
			    sProperty = ~~priority !== priority ? DEFAULT_PRIORITY : priority;
			    if (sProperty < 0) {
			      return 0;
			    } else if (sProperty > NUM_PRIORITIES - 1) {
			      return NUM_PRIORITIES - 1;
			    } else {
			      return sProperty;
			    }
			  }

			  _randomIndex() {
			    return Math.random().toString(36).slice(2);
			  }

			  doDrop({error, message = "This job has been dropped by Bottleneck"} = {}) {
			    if (this._states.remove(this.options.id)) {
			      if (this.rejectOnDrop) {
			        this._reject(error != null ? error : new BottleneckError$1(message));
			      }
			      this.Events.trigger("dropped", {args: this.args, options: this.options, task: this.task, promise: this.promise});
			      return true;
			    } else {
			      return false;
			    }
			  }

			  _assertStatus(expected) {
			    var status;
			    status = this._states.jobStatus(this.options.id);
			    if (!(status === expected || (expected === "DONE" && status === null))) {
			      throw new BottleneckError$1(`Invalid job status ${status}, expected ${expected}. Please open an issue at https://github.com/SGrondin/bottleneck/issues`);
			    }
			  }

			  doReceive() {
			    this._states.start(this.options.id);
			    return this.Events.trigger("received", {args: this.args, options: this.options});
			  }

			  doQueue(reachedHWM, blocked) {
			    this._assertStatus("RECEIVED");
			    this._states.next(this.options.id);
			    return this.Events.trigger("queued", {args: this.args, options: this.options, reachedHWM, blocked});
			  }

			  doRun() {
			    if (this.retryCount === 0) {
			      this._assertStatus("QUEUED");
			      this._states.next(this.options.id);
			    } else {
			      this._assertStatus("EXECUTING");
			    }
			    return this.Events.trigger("scheduled", {args: this.args, options: this.options});
			  }

			  async doExecute(chained, clearGlobalState, run, free) {
			    var error, eventInfo, passed;
			    if (this.retryCount === 0) {
			      this._assertStatus("RUNNING");
			      this._states.next(this.options.id);
			    } else {
			      this._assertStatus("EXECUTING");
			    }
			    eventInfo = {args: this.args, options: this.options, retryCount: this.retryCount};
			    this.Events.trigger("executing", eventInfo);
			    try {
			      passed = (await (chained != null ? chained.schedule(this.options, this.task, ...this.args) : this.task(...this.args)));
			      if (clearGlobalState()) {
			        this.doDone(eventInfo);
			        await free(this.options, eventInfo);
			        this._assertStatus("DONE");
			        return this._resolve(passed);
			      }
			    } catch (error1) {
			      error = error1;
			      return this._onFailure(error, eventInfo, clearGlobalState, run, free);
			    }
			  }

			  doExpire(clearGlobalState, run, free) {
			    var error, eventInfo;
			    if (this._states.jobStatus(this.options.id === "RUNNING")) {
			      this._states.next(this.options.id);
			    }
			    this._assertStatus("EXECUTING");
			    eventInfo = {args: this.args, options: this.options, retryCount: this.retryCount};
			    error = new BottleneckError$1(`This job timed out after ${this.options.expiration} ms.`);
			    return this._onFailure(error, eventInfo, clearGlobalState, run, free);
			  }

			  async _onFailure(error, eventInfo, clearGlobalState, run, free) {
			    var retry, retryAfter;
			    if (clearGlobalState()) {
			      retry = (await this.Events.trigger("failed", error, eventInfo));
			      if (retry != null) {
			        retryAfter = ~~retry;
			        this.Events.trigger("retry", `Retrying ${this.options.id} after ${retryAfter} ms`, eventInfo);
			        this.retryCount++;
			        return run(retryAfter);
			      } else {
			        this.doDone(eventInfo);
			        await free(this.options, eventInfo);
			        this._assertStatus("DONE");
			        return this._reject(error);
			      }
			    }
			  }

			  doDone(eventInfo) {
			    this._assertStatus("EXECUTING");
			    this._states.next(this.options.id);
			    return this.Events.trigger("done", eventInfo);
			  }

			};

			var Job_1 = Job;

			var BottleneckError$2, LocalDatastore, parser$2;

			parser$2 = parser;

			BottleneckError$2 = BottleneckError_1;

			LocalDatastore = class LocalDatastore {
			  constructor(instance, storeOptions, storeInstanceOptions) {
			    this.instance = instance;
			    this.storeOptions = storeOptions;
			    this.clientId = this.instance._randomIndex();
			    parser$2.load(storeInstanceOptions, storeInstanceOptions, this);
			    this._nextRequest = this._lastReservoirRefresh = this._lastReservoirIncrease = Date.now();
			    this._running = 0;
			    this._done = 0;
			    this._unblockTime = 0;
			    this.ready = this.Promise.resolve();
			    this.clients = {};
			    this._startHeartbeat();
			  }

			  _startHeartbeat() {
			    var base;
			    if ((this.heartbeat == null) && (((this.storeOptions.reservoirRefreshInterval != null) && (this.storeOptions.reservoirRefreshAmount != null)) || ((this.storeOptions.reservoirIncreaseInterval != null) && (this.storeOptions.reservoirIncreaseAmount != null)))) {
			      return typeof (base = (this.heartbeat = setInterval(() => {
			        var amount, incr, maximum, now, reservoir;
			        now = Date.now();
			        if ((this.storeOptions.reservoirRefreshInterval != null) && now >= this._lastReservoirRefresh + this.storeOptions.reservoirRefreshInterval) {
			          this._lastReservoirRefresh = now;
			          this.storeOptions.reservoir = this.storeOptions.reservoirRefreshAmount;
			          this.instance._drainAll(this.computeCapacity());
			        }
			        if ((this.storeOptions.reservoirIncreaseInterval != null) && now >= this._lastReservoirIncrease + this.storeOptions.reservoirIncreaseInterval) {
			          ({
			            reservoirIncreaseAmount: amount,
			            reservoirIncreaseMaximum: maximum,
			            reservoir
			          } = this.storeOptions);
			          this._lastReservoirIncrease = now;
			          incr = maximum != null ? Math.min(amount, maximum - reservoir) : amount;
			          if (incr > 0) {
			            this.storeOptions.reservoir += incr;
			            return this.instance._drainAll(this.computeCapacity());
			          }
			        }
			      }, this.heartbeatInterval))).unref === "function" ? base.unref() : void 0;
			    } else {
			      return clearInterval(this.heartbeat);
			    }
			  }

			  async __publish__(message) {
			    await this.yieldLoop();
			    return this.instance.Events.trigger("message", message.toString());
			  }

			  async __disconnect__(flush) {
			    await this.yieldLoop();
			    clearInterval(this.heartbeat);
			    return this.Promise.resolve();
			  }

			  yieldLoop(t = 0) {
			    return new this.Promise(function(resolve, reject) {
			      return setTimeout(resolve, t);
			    });
			  }

			  computePenalty() {
			    var ref;
			    return (ref = this.storeOptions.penalty) != null ? ref : (15 * this.storeOptions.minTime) || 5000;
			  }

			  async __updateSettings__(options) {
			    await this.yieldLoop();
			    parser$2.overwrite(options, options, this.storeOptions);
			    this._startHeartbeat();
			    this.instance._drainAll(this.computeCapacity());
			    return true;
			  }

			  async __running__() {
			    await this.yieldLoop();
			    return this._running;
			  }

			  async __queued__() {
			    await this.yieldLoop();
			    return this.instance.queued();
			  }

			  async __done__() {
			    await this.yieldLoop();
			    return this._done;
			  }

			  async __groupCheck__(time) {
			    await this.yieldLoop();
			    return (this._nextRequest + this.timeout) < time;
			  }

			  computeCapacity() {
			    var maxConcurrent, reservoir;
			    ({maxConcurrent, reservoir} = this.storeOptions);
			    if ((maxConcurrent != null) && (reservoir != null)) {
			      return Math.min(maxConcurrent - this._running, reservoir);
			    } else if (maxConcurrent != null) {
			      return maxConcurrent - this._running;
			    } else if (reservoir != null) {
			      return reservoir;
			    } else {
			      return null;
			    }
			  }

			  conditionsCheck(weight) {
			    var capacity;
			    capacity = this.computeCapacity();
			    return (capacity == null) || weight <= capacity;
			  }

			  async __incrementReservoir__(incr) {
			    var reservoir;
			    await this.yieldLoop();
			    reservoir = this.storeOptions.reservoir += incr;
			    this.instance._drainAll(this.computeCapacity());
			    return reservoir;
			  }

			  async __currentReservoir__() {
			    await this.yieldLoop();
			    return this.storeOptions.reservoir;
			  }

			  isBlocked(now) {
			    return this._unblockTime >= now;
			  }

			  check(weight, now) {
			    return this.conditionsCheck(weight) && (this._nextRequest - now) <= 0;
			  }

			  async __check__(weight) {
			    var now;
			    await this.yieldLoop();
			    now = Date.now();
			    return this.check(weight, now);
			  }

			  async __register__(index, weight, expiration) {
			    var now, wait;
			    await this.yieldLoop();
			    now = Date.now();
			    if (this.conditionsCheck(weight)) {
			      this._running += weight;
			      if (this.storeOptions.reservoir != null) {
			        this.storeOptions.reservoir -= weight;
			      }
			      wait = Math.max(this._nextRequest - now, 0);
			      this._nextRequest = now + wait + this.storeOptions.minTime;
			      return {
			        success: true,
			        wait,
			        reservoir: this.storeOptions.reservoir
			      };
			    } else {
			      return {
			        success: false
			      };
			    }
			  }

			  strategyIsBlock() {
			    return this.storeOptions.strategy === 3;
			  }

			  async __submit__(queueLength, weight) {
			    var blocked, now, reachedHWM;
			    await this.yieldLoop();
			    if ((this.storeOptions.maxConcurrent != null) && weight > this.storeOptions.maxConcurrent) {
			      throw new BottleneckError$2(`Impossible to add a job having a weight of ${weight} to a limiter having a maxConcurrent setting of ${this.storeOptions.maxConcurrent}`);
			    }
			    now = Date.now();
			    reachedHWM = (this.storeOptions.highWater != null) && queueLength === this.storeOptions.highWater && !this.check(weight, now);
			    blocked = this.strategyIsBlock() && (reachedHWM || this.isBlocked(now));
			    if (blocked) {
			      this._unblockTime = now + this.computePenalty();
			      this._nextRequest = this._unblockTime + this.storeOptions.minTime;
			      this.instance._dropAllQueued();
			    }
			    return {
			      reachedHWM,
			      blocked,
			      strategy: this.storeOptions.strategy
			    };
			  }

			  async __free__(index, weight) {
			    await this.yieldLoop();
			    this._running -= weight;
			    this._done += weight;
			    this.instance._drainAll(this.computeCapacity());
			    return {
			      running: this._running
			    };
			  }

			};

			var LocalDatastore_1 = LocalDatastore;

			var BottleneckError$3, States;

			BottleneckError$3 = BottleneckError_1;

			States = class States {
			  constructor(status1) {
			    this.status = status1;
			    this._jobs = {};
			    this.counts = this.status.map(function() {
			      return 0;
			    });
			  }

			  next(id) {
			    var current, next;
			    current = this._jobs[id];
			    next = current + 1;
			    if ((current != null) && next < this.status.length) {
			      this.counts[current]--;
			      this.counts[next]++;
			      return this._jobs[id]++;
			    } else if (current != null) {
			      this.counts[current]--;
			      return delete this._jobs[id];
			    }
			  }

			  start(id) {
			    var initial;
			    initial = 0;
			    this._jobs[id] = initial;
			    return this.counts[initial]++;
			  }

			  remove(id) {
			    var current;
			    current = this._jobs[id];
			    if (current != null) {
			      this.counts[current]--;
			      delete this._jobs[id];
			    }
			    return current != null;
			  }

			  jobStatus(id) {
			    var ref;
			    return (ref = this.status[this._jobs[id]]) != null ? ref : null;
			  }

			  statusJobs(status) {
			    var k, pos, ref, results, v;
			    if (status != null) {
			      pos = this.status.indexOf(status);
			      if (pos < 0) {
			        throw new BottleneckError$3(`status must be one of ${this.status.join(', ')}`);
			      }
			      ref = this._jobs;
			      results = [];
			      for (k in ref) {
			        v = ref[k];
			        if (v === pos) {
			          results.push(k);
			        }
			      }
			      return results;
			    } else {
			      return Object.keys(this._jobs);
			    }
			  }

			  statusCounts() {
			    return this.counts.reduce(((acc, v, i) => {
			      acc[this.status[i]] = v;
			      return acc;
			    }), {});
			  }

			};

			var States_1 = States;

			var DLList$2, Sync;

			DLList$2 = DLList_1;

			Sync = class Sync {
			  constructor(name, Promise) {
			    this.schedule = this.schedule.bind(this);
			    this.name = name;
			    this.Promise = Promise;
			    this._running = 0;
			    this._queue = new DLList$2();
			  }

			  isEmpty() {
			    return this._queue.length === 0;
			  }

			  async _tryToRun() {
			    var args, cb, error, reject, resolve, returned, task;
			    if ((this._running < 1) && this._queue.length > 0) {
			      this._running++;
			      ({task, args, resolve, reject} = this._queue.shift());
			      cb = (await (async function() {
			        try {
			          returned = (await task(...args));
			          return function() {
			            return resolve(returned);
			          };
			        } catch (error1) {
			          error = error1;
			          return function() {
			            return reject(error);
			          };
			        }
			      })());
			      this._running--;
			      this._tryToRun();
			      return cb();
			    }
			  }

			  schedule(task, ...args) {
			    var promise, reject, resolve;
			    resolve = reject = null;
			    promise = new this.Promise(function(_resolve, _reject) {
			      resolve = _resolve;
			      return reject = _reject;
			    });
			    this._queue.push({task, args, resolve, reject});
			    this._tryToRun();
			    return promise;
			  }

			};

			var Sync_1 = Sync;

			var version = "2.19.5";
			var version$1 = {
				version: version
			};

			var version$2 = /*#__PURE__*/Object.freeze({
				version: version,
				default: version$1
			});

			var require$$2 = () => console.log('You must import the full version of Bottleneck in order to use this feature.');

			var require$$3 = () => console.log('You must import the full version of Bottleneck in order to use this feature.');

			var require$$4 = () => console.log('You must import the full version of Bottleneck in order to use this feature.');

			var Events$2, Group, IORedisConnection$1, RedisConnection$1, Scripts$1, parser$3;

			parser$3 = parser;

			Events$2 = Events_1;

			RedisConnection$1 = require$$2;

			IORedisConnection$1 = require$$3;

			Scripts$1 = require$$4;

			Group = (function() {
			  class Group {
			    constructor(limiterOptions = {}) {
			      this.deleteKey = this.deleteKey.bind(this);
			      this.limiterOptions = limiterOptions;
			      parser$3.load(this.limiterOptions, this.defaults, this);
			      this.Events = new Events$2(this);
			      this.instances = {};
			      this.Bottleneck = Bottleneck_1;
			      this._startAutoCleanup();
			      this.sharedConnection = this.connection != null;
			      if (this.connection == null) {
			        if (this.limiterOptions.datastore === "redis") {
			          this.connection = new RedisConnection$1(Object.assign({}, this.limiterOptions, {Events: this.Events}));
			        } else if (this.limiterOptions.datastore === "ioredis") {
			          this.connection = new IORedisConnection$1(Object.assign({}, this.limiterOptions, {Events: this.Events}));
			        }
			      }
			    }

			    key(key = "") {
			      var ref;
			      return (ref = this.instances[key]) != null ? ref : (() => {
			        var limiter;
			        limiter = this.instances[key] = new this.Bottleneck(Object.assign(this.limiterOptions, {
			          id: `${this.id}-${key}`,
			          timeout: this.timeout,
			          connection: this.connection
			        }));
			        this.Events.trigger("created", limiter, key);
			        return limiter;
			      })();
			    }

			    async deleteKey(key = "") {
			      var deleted, instance;
			      instance = this.instances[key];
			      if (this.connection) {
			        deleted = (await this.connection.__runCommand__(['del', ...Scripts$1.allKeys(`${this.id}-${key}`)]));
			      }
			      if (instance != null) {
			        delete this.instances[key];
			        await instance.disconnect();
			      }
			      return (instance != null) || deleted > 0;
			    }

			    limiters() {
			      var k, ref, results, v;
			      ref = this.instances;
			      results = [];
			      for (k in ref) {
			        v = ref[k];
			        results.push({
			          key: k,
			          limiter: v
			        });
			      }
			      return results;
			    }

			    keys() {
			      return Object.keys(this.instances);
			    }

			    async clusterKeys() {
			      var cursor, end, found, i, k, keys, len, next, start;
			      if (this.connection == null) {
			        return this.Promise.resolve(this.keys());
			      }
			      keys = [];
			      cursor = null;
			      start = `b_${this.id}-`.length;
			      end = "_settings".length;
			      while (cursor !== 0) {
			        [next, found] = (await this.connection.__runCommand__(["scan", cursor != null ? cursor : 0, "match", `b_${this.id}-*_settings`, "count", 10000]));
			        cursor = ~~next;
			        for (i = 0, len = found.length; i < len; i++) {
			          k = found[i];
			          keys.push(k.slice(start, -end));
			        }
			      }
			      return keys;
			    }

			    _startAutoCleanup() {
			      var base;
			      clearInterval(this.interval);
			      return typeof (base = (this.interval = setInterval(async() => {
			        var e, k, ref, results, time, v;
			        time = Date.now();
			        ref = this.instances;
			        results = [];
			        for (k in ref) {
			          v = ref[k];
			          try {
			            if ((await v._store.__groupCheck__(time))) {
			              results.push(this.deleteKey(k));
			            } else {
			              results.push(void 0);
			            }
			          } catch (error) {
			            e = error;
			            results.push(v.Events.trigger("error", e));
			          }
			        }
			        return results;
			      }, this.timeout / 2))).unref === "function" ? base.unref() : void 0;
			    }

			    updateSettings(options = {}) {
			      parser$3.overwrite(options, this.defaults, this);
			      parser$3.overwrite(options, options, this.limiterOptions);
			      if (options.timeout != null) {
			        return this._startAutoCleanup();
			      }
			    }

			    disconnect(flush = true) {
			      var ref;
			      if (!this.sharedConnection) {
			        return (ref = this.connection) != null ? ref.disconnect(flush) : void 0;
			      }
			    }

			  }
			  Group.prototype.defaults = {
			    timeout: 1000 * 60 * 5,
			    connection: null,
			    Promise: Promise,
			    id: "group-key"
			  };

			  return Group;

			}).call(commonjsGlobal$1);

			var Group_1 = Group;

			var Batcher, Events$3, parser$4;

			parser$4 = parser;

			Events$3 = Events_1;

			Batcher = (function() {
			  class Batcher {
			    constructor(options = {}) {
			      this.options = options;
			      parser$4.load(this.options, this.defaults, this);
			      this.Events = new Events$3(this);
			      this._arr = [];
			      this._resetPromise();
			      this._lastFlush = Date.now();
			    }

			    _resetPromise() {
			      return this._promise = new this.Promise((res, rej) => {
			        return this._resolve = res;
			      });
			    }

			    _flush() {
			      clearTimeout(this._timeout);
			      this._lastFlush = Date.now();
			      this._resolve();
			      this.Events.trigger("batch", this._arr);
			      this._arr = [];
			      return this._resetPromise();
			    }

			    add(data) {
			      var ret;
			      this._arr.push(data);
			      ret = this._promise;
			      if (this._arr.length === this.maxSize) {
			        this._flush();
			      } else if ((this.maxTime != null) && this._arr.length === 1) {
			        this._timeout = setTimeout(() => {
			          return this._flush();
			        }, this.maxTime);
			      }
			      return ret;
			    }

			  }
			  Batcher.prototype.defaults = {
			    maxTime: null,
			    maxSize: null,
			    Promise: Promise
			  };

			  return Batcher;

			}).call(commonjsGlobal$1);

			var Batcher_1 = Batcher;

			var require$$4$1 = () => console.log('You must import the full version of Bottleneck in order to use this feature.');

			var require$$8 = getCjsExportFromNamespace(version$2);

			var Bottleneck, DEFAULT_PRIORITY$1, Events$4, Job$1, LocalDatastore$1, NUM_PRIORITIES$1, Queues$1, RedisDatastore$1, States$1, Sync$1, parser$5,
			  splice = [].splice;

			NUM_PRIORITIES$1 = 10;

			DEFAULT_PRIORITY$1 = 5;

			parser$5 = parser;

			Queues$1 = Queues_1;

			Job$1 = Job_1;

			LocalDatastore$1 = LocalDatastore_1;

			RedisDatastore$1 = require$$4$1;

			Events$4 = Events_1;

			States$1 = States_1;

			Sync$1 = Sync_1;

			Bottleneck = (function() {
			  class Bottleneck {
			    constructor(options = {}, ...invalid) {
			      var storeInstanceOptions, storeOptions;
			      this._addToQueue = this._addToQueue.bind(this);
			      this._validateOptions(options, invalid);
			      parser$5.load(options, this.instanceDefaults, this);
			      this._queues = new Queues$1(NUM_PRIORITIES$1);
			      this._scheduled = {};
			      this._states = new States$1(["RECEIVED", "QUEUED", "RUNNING", "EXECUTING"].concat(this.trackDoneStatus ? ["DONE"] : []));
			      this._limiter = null;
			      this.Events = new Events$4(this);
			      this._submitLock = new Sync$1("submit", this.Promise);
			      this._registerLock = new Sync$1("register", this.Promise);
			      storeOptions = parser$5.load(options, this.storeDefaults, {});
			      this._store = (function() {
			        if (this.datastore === "redis" || this.datastore === "ioredis" || (this.connection != null)) {
			          storeInstanceOptions = parser$5.load(options, this.redisStoreDefaults, {});
			          return new RedisDatastore$1(this, storeOptions, storeInstanceOptions);
			        } else if (this.datastore === "local") {
			          storeInstanceOptions = parser$5.load(options, this.localStoreDefaults, {});
			          return new LocalDatastore$1(this, storeOptions, storeInstanceOptions);
			        } else {
			          throw new Bottleneck.prototype.BottleneckError(`Invalid datastore type: ${this.datastore}`);
			        }
			      }).call(this);
			      this._queues.on("leftzero", () => {
			        var ref;
			        return (ref = this._store.heartbeat) != null ? typeof ref.ref === "function" ? ref.ref() : void 0 : void 0;
			      });
			      this._queues.on("zero", () => {
			        var ref;
			        return (ref = this._store.heartbeat) != null ? typeof ref.unref === "function" ? ref.unref() : void 0 : void 0;
			      });
			    }

			    _validateOptions(options, invalid) {
			      if (!((options != null) && typeof options === "object" && invalid.length === 0)) {
			        throw new Bottleneck.prototype.BottleneckError("Bottleneck v2 takes a single object argument. Refer to https://github.com/SGrondin/bottleneck#upgrading-to-v2 if you're upgrading from Bottleneck v1.");
			      }
			    }

			    ready() {
			      return this._store.ready;
			    }

			    clients() {
			      return this._store.clients;
			    }

			    channel() {
			      return `b_${this.id}`;
			    }

			    channel_client() {
			      return `b_${this.id}_${this._store.clientId}`;
			    }

			    publish(message) {
			      return this._store.__publish__(message);
			    }

			    disconnect(flush = true) {
			      return this._store.__disconnect__(flush);
			    }

			    chain(_limiter) {
			      this._limiter = _limiter;
			      return this;
			    }

			    queued(priority) {
			      return this._queues.queued(priority);
			    }

			    clusterQueued() {
			      return this._store.__queued__();
			    }

			    empty() {
			      return this.queued() === 0 && this._submitLock.isEmpty();
			    }

			    running() {
			      return this._store.__running__();
			    }

			    done() {
			      return this._store.__done__();
			    }

			    jobStatus(id) {
			      return this._states.jobStatus(id);
			    }

			    jobs(status) {
			      return this._states.statusJobs(status);
			    }

			    counts() {
			      return this._states.statusCounts();
			    }

			    _randomIndex() {
			      return Math.random().toString(36).slice(2);
			    }

			    check(weight = 1) {
			      return this._store.__check__(weight);
			    }

			    _clearGlobalState(index) {
			      if (this._scheduled[index] != null) {
			        clearTimeout(this._scheduled[index].expiration);
			        delete this._scheduled[index];
			        return true;
			      } else {
			        return false;
			      }
			    }

			    async _free(index, job, options, eventInfo) {
			      var e, running;
			      try {
			        ({running} = (await this._store.__free__(index, options.weight)));
			        this.Events.trigger("debug", `Freed ${options.id}`, eventInfo);
			        if (running === 0 && this.empty()) {
			          return this.Events.trigger("idle");
			        }
			      } catch (error1) {
			        e = error1;
			        return this.Events.trigger("error", e);
			      }
			    }

			    _run(index, job, wait) {
			      var clearGlobalState, free, run;
			      job.doRun();
			      clearGlobalState = this._clearGlobalState.bind(this, index);
			      run = this._run.bind(this, index, job);
			      free = this._free.bind(this, index, job);
			      return this._scheduled[index] = {
			        timeout: setTimeout(() => {
			          return job.doExecute(this._limiter, clearGlobalState, run, free);
			        }, wait),
			        expiration: job.options.expiration != null ? setTimeout(function() {
			          return job.doExpire(clearGlobalState, run, free);
			        }, wait + job.options.expiration) : void 0,
			        job: job
			      };
			    }

			    _drainOne(capacity) {
			      return this._registerLock.schedule(() => {
			        var args, index, next, options, queue;
			        if (this.queued() === 0) {
			          return this.Promise.resolve(null);
			        }
			        queue = this._queues.getFirst();
			        ({options, args} = next = queue.first());
			        if ((capacity != null) && options.weight > capacity) {
			          return this.Promise.resolve(null);
			        }
			        this.Events.trigger("debug", `Draining ${options.id}`, {args, options});
			        index = this._randomIndex();
			        return this._store.__register__(index, options.weight, options.expiration).then(({success, wait, reservoir}) => {
			          var empty;
			          this.Events.trigger("debug", `Drained ${options.id}`, {success, args, options});
			          if (success) {
			            queue.shift();
			            empty = this.empty();
			            if (empty) {
			              this.Events.trigger("empty");
			            }
			            if (reservoir === 0) {
			              this.Events.trigger("depleted", empty);
			            }
			            this._run(index, next, wait);
			            return this.Promise.resolve(options.weight);
			          } else {
			            return this.Promise.resolve(null);
			          }
			        });
			      });
			    }

			    _drainAll(capacity, total = 0) {
			      return this._drainOne(capacity).then((drained) => {
			        var newCapacity;
			        if (drained != null) {
			          newCapacity = capacity != null ? capacity - drained : capacity;
			          return this._drainAll(newCapacity, total + drained);
			        } else {
			          return this.Promise.resolve(total);
			        }
			      }).catch((e) => {
			        return this.Events.trigger("error", e);
			      });
			    }

			    _dropAllQueued(message) {
			      return this._queues.shiftAll(function(job) {
			        return job.doDrop({message});
			      });
			    }

			    stop(options = {}) {
			      var done, waitForExecuting;
			      options = parser$5.load(options, this.stopDefaults);
			      waitForExecuting = (at) => {
			        var finished;
			        finished = () => {
			          var counts;
			          counts = this._states.counts;
			          return (counts[0] + counts[1] + counts[2] + counts[3]) === at;
			        };
			        return new this.Promise((resolve, reject) => {
			          if (finished()) {
			            return resolve();
			          } else {
			            return this.on("done", () => {
			              if (finished()) {
			                this.removeAllListeners("done");
			                return resolve();
			              }
			            });
			          }
			        });
			      };
			      done = options.dropWaitingJobs ? (this._run = function(index, next) {
			        return next.doDrop({
			          message: options.dropErrorMessage
			        });
			      }, this._drainOne = () => {
			        return this.Promise.resolve(null);
			      }, this._registerLock.schedule(() => {
			        return this._submitLock.schedule(() => {
			          var k, ref, v;
			          ref = this._scheduled;
			          for (k in ref) {
			            v = ref[k];
			            if (this.jobStatus(v.job.options.id) === "RUNNING") {
			              clearTimeout(v.timeout);
			              clearTimeout(v.expiration);
			              v.job.doDrop({
			                message: options.dropErrorMessage
			              });
			            }
			          }
			          this._dropAllQueued(options.dropErrorMessage);
			          return waitForExecuting(0);
			        });
			      })) : this.schedule({
			        priority: NUM_PRIORITIES$1 - 1,
			        weight: 0
			      }, () => {
			        return waitForExecuting(1);
			      });
			      this._receive = function(job) {
			        return job._reject(new Bottleneck.prototype.BottleneckError(options.enqueueErrorMessage));
			      };
			      this.stop = () => {
			        return this.Promise.reject(new Bottleneck.prototype.BottleneckError("stop() has already been called"));
			      };
			      return done;
			    }

			    async _addToQueue(job) {
			      var args, blocked, error, options, reachedHWM, shifted, strategy;
			      ({args, options} = job);
			      try {
			        ({reachedHWM, blocked, strategy} = (await this._store.__submit__(this.queued(), options.weight)));
			      } catch (error1) {
			        error = error1;
			        this.Events.trigger("debug", `Could not queue ${options.id}`, {args, options, error});
			        job.doDrop({error});
			        return false;
			      }
			      if (blocked) {
			        job.doDrop();
			        return true;
			      } else if (reachedHWM) {
			        shifted = strategy === Bottleneck.prototype.strategy.LEAK ? this._queues.shiftLastFrom(options.priority) : strategy === Bottleneck.prototype.strategy.OVERFLOW_PRIORITY ? this._queues.shiftLastFrom(options.priority + 1) : strategy === Bottleneck.prototype.strategy.OVERFLOW ? job : void 0;
			        if (shifted != null) {
			          shifted.doDrop();
			        }
			        if ((shifted == null) || strategy === Bottleneck.prototype.strategy.OVERFLOW) {
			          if (shifted == null) {
			            job.doDrop();
			          }
			          return reachedHWM;
			        }
			      }
			      job.doQueue(reachedHWM, blocked);
			      this._queues.push(job);
			      await this._drainAll();
			      return reachedHWM;
			    }

			    _receive(job) {
			      if (this._states.jobStatus(job.options.id) != null) {
			        job._reject(new Bottleneck.prototype.BottleneckError(`A job with the same id already exists (id=${job.options.id})`));
			        return false;
			      } else {
			        job.doReceive();
			        return this._submitLock.schedule(this._addToQueue, job);
			      }
			    }

			    submit(...args) {
			      var cb, fn, job, options, ref, ref1, task;
			      if (typeof args[0] === "function") {
			        ref = args, [fn, ...args] = ref, [cb] = splice.call(args, -1);
			        options = parser$5.load({}, this.jobDefaults);
			      } else {
			        ref1 = args, [options, fn, ...args] = ref1, [cb] = splice.call(args, -1);
			        options = parser$5.load(options, this.jobDefaults);
			      }
			      task = (...args) => {
			        return new this.Promise(function(resolve, reject) {
			          return fn(...args, function(...args) {
			            return (args[0] != null ? reject : resolve)(args);
			          });
			        });
			      };
			      job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
			      job.promise.then(function(args) {
			        return typeof cb === "function" ? cb(...args) : void 0;
			      }).catch(function(args) {
			        if (Array.isArray(args)) {
			          return typeof cb === "function" ? cb(...args) : void 0;
			        } else {
			          return typeof cb === "function" ? cb(args) : void 0;
			        }
			      });
			      return this._receive(job);
			    }

			    schedule(...args) {
			      var job, options, task;
			      if (typeof args[0] === "function") {
			        [task, ...args] = args;
			        options = {};
			      } else {
			        [options, task, ...args] = args;
			      }
			      job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
			      this._receive(job);
			      return job.promise;
			    }

			    wrap(fn) {
			      var schedule, wrapped;
			      schedule = this.schedule.bind(this);
			      wrapped = function(...args) {
			        return schedule(fn.bind(this), ...args);
			      };
			      wrapped.withOptions = function(options, ...args) {
			        return schedule(options, fn, ...args);
			      };
			      return wrapped;
			    }

			    async updateSettings(options = {}) {
			      await this._store.__updateSettings__(parser$5.overwrite(options, this.storeDefaults));
			      parser$5.overwrite(options, this.instanceDefaults, this);
			      return this;
			    }

			    currentReservoir() {
			      return this._store.__currentReservoir__();
			    }

			    incrementReservoir(incr = 0) {
			      return this._store.__incrementReservoir__(incr);
			    }

			  }
			  Bottleneck.default = Bottleneck;

			  Bottleneck.Events = Events$4;

			  Bottleneck.version = Bottleneck.prototype.version = require$$8.version;

			  Bottleneck.strategy = Bottleneck.prototype.strategy = {
			    LEAK: 1,
			    OVERFLOW: 2,
			    OVERFLOW_PRIORITY: 4,
			    BLOCK: 3
			  };

			  Bottleneck.BottleneckError = Bottleneck.prototype.BottleneckError = BottleneckError_1;

			  Bottleneck.Group = Bottleneck.prototype.Group = Group_1;

			  Bottleneck.RedisConnection = Bottleneck.prototype.RedisConnection = require$$2;

			  Bottleneck.IORedisConnection = Bottleneck.prototype.IORedisConnection = require$$3;

			  Bottleneck.Batcher = Bottleneck.prototype.Batcher = Batcher_1;

			  Bottleneck.prototype.jobDefaults = {
			    priority: DEFAULT_PRIORITY$1,
			    weight: 1,
			    expiration: null,
			    id: "<no-id>"
			  };

			  Bottleneck.prototype.storeDefaults = {
			    maxConcurrent: null,
			    minTime: 0,
			    highWater: null,
			    strategy: Bottleneck.prototype.strategy.LEAK,
			    penalty: null,
			    reservoir: null,
			    reservoirRefreshInterval: null,
			    reservoirRefreshAmount: null,
			    reservoirIncreaseInterval: null,
			    reservoirIncreaseAmount: null,
			    reservoirIncreaseMaximum: null
			  };

			  Bottleneck.prototype.localStoreDefaults = {
			    Promise: Promise,
			    timeout: null,
			    heartbeatInterval: 250
			  };

			  Bottleneck.prototype.redisStoreDefaults = {
			    Promise: Promise,
			    timeout: null,
			    heartbeatInterval: 5000,
			    clientTimeout: 10000,
			    Redis: null,
			    clientOptions: {},
			    clusterNodes: null,
			    clearDatastore: false,
			    connection: null
			  };

			  Bottleneck.prototype.instanceDefaults = {
			    datastore: "local",
			    connection: null,
			    id: "<no-id>",
			    rejectOnDrop: true,
			    trackDoneStatus: false,
			    Promise: Promise
			  };

			  Bottleneck.prototype.stopDefaults = {
			    enqueueErrorMessage: "This limiter has been stopped and cannot accept new jobs.",
			    dropWaitingJobs: true,
			    dropErrorMessage: "This limiter has been stopped."
			  };

			  return Bottleneck;

			}).call(commonjsGlobal$1);

			var Bottleneck_1 = Bottleneck;

			var lib = Bottleneck_1;

			return lib;

		}))); 
	} (light$1));
	return light$1.exports;
}

var lightExports = requireLight();
var Bottleneck = /*@__PURE__*/getDefaultExportFromCjs(lightExports);

// pkg/dist-src/version.js
var VERSION$1 = "0.0.0-development";

// pkg/dist-src/error-request.js
function isRequestError(error) {
  return error.request !== void 0;
}
async function errorRequest(state, octokit, error, options) {
  if (!isRequestError(error) || !error?.request.request) {
    throw error;
  }
  if (error.status >= 400 && !state.doNotRetry.includes(error.status)) {
    const retries = options.request.retries != null ? options.request.retries : state.retries;
    const retryAfter = Math.pow((options.request.retryCount || 0) + 1, 2);
    throw octokit.retry.retryRequest(error, retries, retryAfter);
  }
  throw error;
}
async function wrapRequest$1(state, octokit, request, options) {
  const limiter = new Bottleneck();
  limiter.on("failed", function(error, info) {
    const maxRetries = ~~error.request.request?.retries;
    const after = ~~error.request.request?.retryAfter;
    options.request.retryCount = info.retryCount + 1;
    if (maxRetries > info.retryCount) {
      return after * state.retryAfterBaseValue;
    }
  });
  return limiter.schedule(
    requestWithGraphqlErrorHandling.bind(null, state, octokit, request),
    options
  );
}
async function requestWithGraphqlErrorHandling(state, octokit, request, options) {
  const response = await request(options);
  if (response.data && response.data.errors && response.data.errors.length > 0 && /Something went wrong while executing your query/.test(
    response.data.errors[0].message
  )) {
    const error = new RequestError(response.data.errors[0].message, 500, {
      request: options,
      response
    });
    return errorRequest(state, octokit, error, options);
  }
  return response;
}

// pkg/dist-src/index.js
function retry(octokit, octokitOptions) {
  const state = Object.assign(
    {
      enabled: true,
      retryAfterBaseValue: 1e3,
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
      retries: 3
    },
    octokitOptions.retry
  );
  const retryPlugin = {
    retry: {
      retryRequest: (error, retries, retryAfter) => {
        error.request.request = Object.assign({}, error.request.request, {
          retries,
          retryAfter
        });
        return error;
      }
    }
  };
  if (state.enabled) {
    octokit.hook.error("request", errorRequest.bind(null, state, retryPlugin));
    octokit.hook.wrap("request", wrapRequest$1.bind(null, state, retryPlugin));
  }
  return retryPlugin;
}
retry.VERSION = VERSION$1;

// pkg/dist-src/index.js

// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop$1 = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop$1);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop$1);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop$1);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck: Bottleneck$1 = Bottleneck,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck$1, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck$1();
    const events = {};
    const emitter = new Bottleneck$1.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;

// Loaded through require, not `import`: on Node 24 an ES import of node:http builds its module
// namespace by reading every export, and a few of them (WebSocket, ...) are getters that load
// undici: ~45 ms before the first request. Each protocol's module loads when a URL first needs it.
const protocols = {
    'http:': lazyBuiltin('node:http'),
    'https:': lazyBuiltin('node:https'),
};
// Loaded when the first compressed answer arrives, not before the first request goes out.
const zlib = lazyBuiltin('node:zlib');
/** The answer's headers as fetch's Headers give them: lowercase names, repeats joined. */
class AnswerHeaders {
    #map;
    constructor(raw) {
        this.#map = new Map(Object.entries(raw)
            .filter((entry) => entry[1] !== undefined)
            .map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v])
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    get(name) {
        return this.#map.get(name.toLowerCase()) ?? null;
    }
    has(name) {
        return this.#map.has(name.toLowerCase());
    }
    [Symbol.iterator]() {
        return this.#map.entries();
    }
}
const MAX_REDIRECTS = 20;
const agents = new Map();
function agentFor(protocol) {
    let agent = agents.get(protocol);
    if (!agent)
        agents.set(protocol, (agent = new (protocols[protocol]().Agent)({ keepAlive: true })));
    return agent;
}
async function httpFetch(input, init = {}) {
    let url = new URL(input);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body ?? undefined;
    let headers = { ...init.headers };
    for (let redirects = 0;; redirects++) {
        const res = await send(url, method, headers, body, init.signal ?? undefined);
        const location = res.headers.location;
        if (![301, 302, 303, 307, 308].includes(res.statusCode ?? 0) || !location) {
            return answer(res, url, method, init.signal ?? undefined);
        }
        if (init.redirect === 'manual')
            return answer(res, url, method, init.signal ?? undefined);
        res.resume();
        if (init.redirect === 'error' || redirects >= MAX_REDIRECTS) {
            throw new TypeError('fetch failed', {
                cause: new Error(`redirect to ${location} ${init.redirect === 'error' ? 'refused' : 'loop'}`),
            });
        }
        const next = new URL(location, url);
        if (res.statusCode === 303 || ([301, 302].includes(res.statusCode ?? 0) && method === 'POST')) {
            if (method !== 'HEAD')
                method = 'GET';
            body = undefined;
            headers = withoutHeaders(headers, ['content-type', 'content-length']);
        }
        if (next.origin !== url.origin)
            headers = withoutHeaders(headers, ['authorization', 'cookie']);
        url = next;
    }
}
function withoutHeaders(headers, names) {
    return Object.fromEntries(Object.entries(headers).filter(([k]) => !names.includes(k.toLowerCase())));
}
function send(url, method, headers, body, signal) {
    return new Promise((resolve, reject) => {
        const protocol = url.protocol;
        if (protocol !== 'http:' && protocol !== 'https:') {
            reject(new TypeError('fetch failed', { cause: new Error(`unsupported URL ${url.href}`) }));
            return;
        }
        const outgoing = { 'accept-encoding': 'gzip, deflate, br', ...headers };
        if (body !== undefined)
            outgoing['content-length'] = String(Buffer.byteLength(body));
        const req = protocols[protocol]().request(url, {
            method,
            headers: outgoing,
            agent: agentFor(protocol),
            ...(signal ? { signal } : {}),
        });
        req.on('response', resolve);
        req.on('error', (error) => reject(signal?.aborted ? abortError(signal) : new TypeError('fetch failed', { cause: error })));
        req.end(body);
    });
}
/** fetch rejects with the signal's reason when it has one (AbortSignal.timeout: a TimeoutError). */
function abortError(signal) {
    const reason = signal?.reason;
    if (reason instanceof Error)
        return reason;
    return new DOMException('This operation was aborted', 'AbortError');
}
function answer(res, url, method, signal) {
    let bytes;
    // Octokit does not read these bodies; an unread answer would hold its socket (and so the
    // process) open, so it is drained at once.
    if (method === 'HEAD' || [204, 205, 304].includes(res.statusCode ?? 0)) {
        res.resume();
        bytes = Promise.resolve(Buffer.alloc(0));
    }
    const read = () => (bytes ??= new Promise((resolve, reject) => {
        const chunks = [];
        const onAbort = () => res.destroy(abortError(signal));
        signal?.addEventListener('abort', onAbort, { once: true });
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(signal?.aborted ? abortError(signal) : new TypeError('terminated', { cause: error }));
        });
        res.on('end', () => {
            signal?.removeEventListener('abort', onAbort);
            try {
                resolve(decode(Buffer.concat(chunks), res.headers['content-encoding']));
            }
            catch (error) {
                reject(new TypeError('terminated', { cause: error }));
            }
        });
    }));
    const text = async () => (await read()).toString('utf8');
    return {
        status: res.statusCode ?? 0,
        statusText: res.statusMessage ?? '',
        url: url.href,
        headers: new AnswerHeaders(res.headers),
        body: null,
        text,
        json: async () => JSON.parse(await text()),
        arrayBuffer: async () => {
            const b = await read();
            return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
        },
    };
}
function decode(raw, encoding) {
    switch (encoding?.trim().toLowerCase()) {
        case 'gzip':
        case 'x-gzip':
            return zlib().gunzipSync(raw);
        case 'deflate':
            return zlib().inflateSync(raw);
        case 'br':
            return zlib().brotliDecompressSync(raw);
        default:
            return raw;
    }
}

/**
 * How requests to `baseUrl` travel, for the GitHub client and the forges' alike: node:http(s)
 * (./http-fetch.ts), unless the runner routes `baseUrl` through a proxy
 * (`HTTPS_PROXY`/`https_proxy` for https, `HTTP_PROXY`/`http_proxy` for http, minus
 * `NO_PROXY`/`no_proxy` and loopback: the rules of @actions/http-client, which @actions/github
 * follows). Then undici's proxy-aware fetch is imported on the first request, into its own
 * chunk: most runs never load it.
 *
 * Node's own fetch is not used: its first request compiles llhttp to WebAssembly and loads
 * undici's internals (~60-170 ms before the first request goes out), and V8's optimising
 * recompilation of that WebAssembly kept a finished run alive ~200-300 ms more unless the whole
 * process ran with --liftoff-only.
 */
function transport(baseUrl) {
    if (!getProxyUrl(new URL(baseUrl)))
        return httpFetch;
    let proxied;
    return async (input, init) => {
        proxied ??= import('./proxy-fetch.js').then((m) => m.proxyFetch(baseUrl));
        return (await proxied)(input, init);
    };
}

/**
 * Paces searches by the search bucket's own headers instead of a fixed gap: a search goes out at
 * once while the last answer left room for it (counting searches still in flight), else it waits
 * for the bucket's reset. A wait longer than `maxWaitMs` is not made: the request goes out and
 * the rate-limit error explains. GitHub allows 30 searches a minute, so a run's dozen searches
 * never wait, where a 2 s gap cost 24 s.
 */
function createSearchPacer(maxWaitMs) {
    let budget;
    let inFlight = 0;
    const learn = (headers) => {
        const remaining = Number(headers?.['x-ratelimit-remaining']);
        const reset = Number(headers?.['x-ratelimit-reset']);
        const resource = headers?.['x-ratelimit-resource'];
        if (resource !== undefined && resource !== 'search')
            return;
        if (Number.isFinite(remaining) && Number.isFinite(reset))
            budget = { remaining, resetMs: reset * 1000 };
    };
    const roomFor = async () => {
        while (budget && budget.remaining - inFlight <= 0) {
            // One second past the reset: GitHub's reset is in whole seconds.
            const wait = budget.resetMs + 1000 - Date.now();
            if (wait <= 0 || wait > maxWaitMs)
                return;
            await new Promise((resolve) => setTimeout(resolve, wait));
            if (budget.resetMs + 1000 <= Date.now())
                return;
        }
    };
    return async function paced(request) {
        await roomFor();
        inFlight++;
        try {
            const response = await request();
            learn(response.headers);
            return response;
        }
        catch (error) {
            const response = error?.response;
            learn(response?.headers);
            throw error;
        }
        finally {
            inFlight--;
        }
    };
}

/** Connection errors that say the API root itself is wrong, not that GitHub had a bad moment. */
const UNREACHABLE = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ERR_INVALID_URL',
    'UND_ERR_INVALID_ARG',
]);
/**
 * The code of a connection error that asking again will not fix (nothing listens there, no such
 * host), found along the `cause` chain fetch and Octokit wrap it in; undefined for anything else,
 * a dropped connection included.
 */
function unreachableCode(error) {
    for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
        const code = e.code;
        if (code && UNREACHABLE.has(code))
            return code;
        if (e.message === 'bad port')
            return e.message;
    }
    return undefined;
}
/**
 * An Octokit plugin, applied before plugin-retry so that its error hook runs first: a request
 * whose host refuses the connection or does not resolve is not retried (plugin-retry reads
 * `request.retries` from the options at failure time). Without it, a wrong api-url costs the
 * run 1 + 4 + 9 s of backoff before it can say so.
 */
function noRetryWhenUnreachable(octokit) {
    octokit.hook.error('request', (error, options) => {
        if (unreachableCode(error))
            options.request = { ...options.request, retries: 0 };
        throw error;
    });
}

/**
 * @octokit/rest's Octokit (REST methods, paginate) with retry and throttling: what
 * @actions/github's getOctokit builds, minus its static import of undici (see `transport`).
 */
const ClientOctokit = Octokit.plugin(noRetryWhenUnreachable, retry, throttling);
const noop = () => { };
/**
 * Bottleneck (under plugin-retry and plugin-throttling: three limiters a request) yields to the
 * event loop several times per job with `setTimeout(0)`, each at least 1 ms: ~15-20 ms a request
 * spent waiting on timers. `setImmediate` yields just the same, without the clamp. Timed waits
 * (minTime, retry-after) still use timers.
 */
function yieldWithoutTimerClamp() {
    const store = new Bottleneck()._store;
    const proto = Object.getPrototypeOf(store);
    proto.yieldLoop = (t = 0) => new Promise((resolve) => (t > 0 ? setTimeout(resolve, t) : setImmediate(resolve)));
}
yieldWithoutTimerClamp();
const DEFAULT_MAX_RETRY_AFTER = 60;
/** Requests asked of a client and not finished, those of them on the wire, and all sent so far. */
const flow = { asked: 0, onWire: 0, sent: 0 };
/**
 * True once the client has sent a request and has none waiting to be sent (queued in its
 * limiters, or between retries): the job's requests of the moment are all out. Work that would
 * hold up the event loop waits for this (see action/round-one-work.ts); an idle loop alone is not
 * a sign, as the limiters wait on timers between requests.
 */
function requestsAllOut() {
    return flow.sent > 0 && flow.asked - flow.onWire <= 0;
}
/**
 * Builds the client. Rate limits are honoured while the wait is short; a longer wait, or a limit
 * that persists, becomes a NowPageError saying which limit and when it resets. The token is
 * handed to Octokit only and never appears in a log line or an error.
 */
function createClient(options) {
    const log = options.log;
    const maxWait = options.throttle?.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER;
    const baseUrl = options.baseUrl.replace(/\/+$/, '');
    // http-fetch answers the part of fetch Octokit uses (see http-fetch.ts): typed as fetch here.
    const send = transport(baseUrl);
    const fetch = async (input, init) => {
        flow.onWire++;
        flow.sent++;
        try {
            return await send(input, init);
        }
        finally {
            flow.onWire--;
        }
    };
    const client = new ClientOctokit({
        auth: options.token,
        baseUrl,
        userAgent: options.userAgent ?? 'now-page-action',
        // @octokit/rest's request log would print every failed request (an expected 404 included)
        // to stderr; the hook below logs each outcome at debug level already.
        log: { debug: noop, info: noop, warn: (m) => log?.debug(m), error: noop },
        request: {
            fetch,
            ...(options.deadline ? { signal: options.deadline.signal } : {}),
        },
        retry: {
            retries: options.retries ?? 3,
            retryAfterBaseValue: options.retryBaseMs ?? 1000,
            // 403 and 429 are rate limits (throttling's business) or permissions; neither improves
            // by asking again at once.
            doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
        },
        throttle: throttleOptions(options, maxWait, (o) => describeRequest(client, o)),
    });
    const paceSearch = createSearchPacer(maxWait * 1000);
    client.hook.wrap('request', (request, endpoint) => endpoint.url.startsWith('/search/')
        ? paceSearch(async () => request(endpoint))
        : request(endpoint));
    // Registered after the plugins, so it wraps them: it sees each request's final outcome.
    explainOutcomes(client, options, maxWait);
    return client;
}
/** plugin-throttling's limiters and its answers to rate limits: wait while the wait is short. */
function throttleOptions(options, maxWait, describe) {
    const log = options.log;
    const maxThrottleRetries = options.throttle?.maxRetries ?? 2;
    return {
        retryAfterBaseValue: options.throttle?.retryAfterBaseMs ?? 1000,
        fallbackSecondaryRateRetryAfter: maxWait,
        // Our own limiter: the plugin's default one is shared by every client in the process
        // and spaces searches 2 s apart whatever the bucket holds; the pacer reads the bucket.
        search: new Bottleneck.Group({
            maxConcurrent: 1,
            minTime: options.throttle?.searchMinTimeMs ?? 0,
        }),
        // GitHub asks for mutating requests one at a time; the plugin also spaces them 1 s apart,
        // which cost a run ~5 s for its 6 writes. A run makes at most ~8 writes, far under the
        // content-creation limit (80/min), so they stay serial but unspaced.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        notifications: new Bottleneck.Group({
            maxConcurrent: 1,
            minTime: options.throttle?.notificationsMinTimeMs ?? 3000,
        }),
        onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
            if (retryAfter > maxWait || retryCount >= maxThrottleRetries)
                return false;
            log?.warning(`GitHub secondary rate limit on ${describe(request)}: waiting ${retryAfter} s as asked (retry ${retryCount + 1} of ${maxThrottleRetries})`);
            return true;
        },
        onRateLimit: (retryAfter, request, _octokit, retryCount) => {
            if (retryAfter > maxWait || retryCount >= 1)
                return false;
            log?.warning(`GitHub rate limit exhausted on ${describe(request)}: waiting ${retryAfter} s for it to reset`);
            return true;
        },
    };
}
/**
 * Logs each request's final outcome at debug level and turns the failures a user must act on
 * into NowPageErrors. Past the deadline, retrying only adds backoff waits (1 + 4 + 9 s):
 * requests in flight when it fires are told not to retry (plugin-retry reads `request.retries`
 * from the request's own options at failure time).
 */
function explainOutcomes(client, options, maxWait) {
    const log = options.log;
    const noRetry = (e) => void (e.request = { ...e.request, retries: 0 });
    const inFlight = new Set();
    options.deadline?.signal.addEventListener('abort', () => inFlight.forEach(noRetry));
    client.hook.wrap('request', async (request, endpoint) => {
        const retryable = endpoint;
        if (options.deadline?.signal.aborted)
            noRetry(retryable);
        inFlight.add(retryable);
        flow.asked++;
        const started = Date.now();
        const what = describeRequest(client, endpoint);
        try {
            const response = await request(endpoint);
            log?.debug(`${what} -> ${response.status} (${Date.now() - started} ms)`);
            return response;
        }
        catch (error) {
            log?.debug(`${what} -> ${httpStatus(error) ?? 'failed'} (${Date.now() - started} ms)`);
            if (options.deadline?.signal.aborted) {
                throw new NowPageError(`stopped after ${options.deadline.minutes} minute(s) talking to GitHub (last request: ${what})`, {
                    input: 'api-timeout-minutes',
                    hint: 'GitHub is slow or unreachable: re-run later, or raise api-timeout-minutes',
                });
            }
            throw explainFailure(error, what, maxWait);
        }
        finally {
            inFlight.delete(retryable);
            flow.asked--;
        }
    });
}
/** `GET /search/issues?q=...`: the route with its parameters, relative to the API root. */
function describeRequest(client, endpoint) {
    try {
        const { method, url } = client.request.endpoint.parse(endpoint);
        const root = client.request.endpoint.DEFAULTS.baseUrl;
        const path = url.startsWith(root) ? url.slice(root.length) : url;
        return `${method} ${decodeURIComponent(path)}`;
    }
    catch {
        return `${endpoint.method} ${endpoint.url}`;
    }
}
/** The HTTP status of an Octokit request error, or undefined for anything else. */
function httpStatus(error) {
    if (typeof error !== 'object' || error === null || !('status' in error))
        return undefined;
    return typeof error.status === 'number' ? error.status : undefined;
}
function responseHeaders(error) {
    if (typeof error !== 'object' || error === null || !('response' in error))
        return {};
    const response = error.response;
    if (typeof response !== 'object' || response === null || !('headers' in response))
        return {};
    const headers = response.headers;
    return typeof headers === 'object' && headers !== null ? { ...headers } : {};
}
/** Turns the failures a user must act on into NowPageErrors; anything else passes unchanged. */
function explainFailure(error, what, maxWait) {
    const status = httpStatus(error);
    if (status === 401) {
        return new NowPageError(`GitHub rejected the token (401 Bad credentials) on ${what}`, {
            input: 'token',
            hint: 'Check that the token is valid and not expired',
        });
    }
    if (status !== 403 && status !== 429)
        return error;
    const headers = responseHeaders(error);
    const message = error instanceof Error ? error.message : '';
    if (/\bsecondary rate\b/i.test(message)) {
        const after = Number(headers['retry-after']);
        return new NowPageError(`GitHub secondary rate limit on ${what}` +
            (Number.isFinite(after) && after > maxWait
                ? `: GitHub asked to wait ${after} s, more than the ${maxWait} s this run waits`
                : ': it persisted after waiting as asked'), { hint: 'Re-run later; secondary limits clear within minutes' });
    }
    if (headers['x-ratelimit-remaining'] === '0') {
        const reset = Number(headers['x-ratelimit-reset']);
        const when = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString() : '';
        const resource = typeof headers['x-ratelimit-resource'] === 'string' ? headers['x-ratelimit-resource'] : '';
        const limit = typeof headers['x-ratelimit-limit'] === 'string' ? headers['x-ratelimit-limit'] : '';
        return new NowPageError(`GitHub API rate limit exhausted on ${what}` +
            (resource || limit
                ? ` (${[resource && `resource "${resource}"`, limit && `limit ${limit}`].filter(Boolean).join(', ')})`
                : '') +
            (when ? `; it resets at ${when}` : ''), { input: 'token', hint: 'Re-run after the reset, or use a token with its own rate limit' });
    }
    if (status === 429) {
        // A 429 is always a limit, whatever its wording: never an unexpected error.
        return new NowPageError(`GitHub answered 429 Too Many Requests on ${what}`, {
            hint: 'Re-run later; secondary limits clear within minutes',
        });
    }
    return error;
}

const SECOND = 1000;
const DAY = 86_400_000;
/** Parses a `YYYY-MM-DD` calendar date to 00:00:00 UTC of that day. */
function parseDay(day, input = 'since') {
    if (!isIsoDate(day)) {
        throw new NowPageError(`'${day}' is not a calendar date (YYYY-MM-DD)`, {
            input,
            hint: 'Use a date such as 2025-05-26',
        });
    }
    const { year, month, day: d } = parseIsoDate(day);
    return Date.UTC(year, month - 1, d);
}
/**
 * The first instant of the calendar day `day` in `timeZone`: 00:00 local time, or the first
 * instant after it when a daylight-saving change skips midnight.
 */
function startOfDay(day, timeZone = 'UTC') {
    const utcMidnight = parseDay(day);
    if (timeZone === 'UTC')
        return utcMidnight;
    // Local midnight is UTC midnight minus the zone's offset then; the offset at the guess can
    // differ from the one at the answer around a daylight-saving change, hence two candidates.
    const first = utcMidnight - offsetAt(utcMidnight, timeZone);
    const second = utcMidnight - offsetAt(first, timeZone);
    const candidates = [...new Set([first, second])].sort((a, b) => a - b);
    return (candidates.find((t) => localParts(t, timeZone).join(' ') === `${day} 00:00:00`) ??
        candidates.find((t) => localParts(t, timeZone)[0] === day) ??
        second);
}
/** `['YYYY-MM-DD', 'HH:MM:SS']` of an instant in a time zone (src/dates), with the input named
 * when the zone is unknown. */
function localParts(t, timeZone) {
    try {
        return partsInZone(t, timeZone);
    }
    catch (error) {
        if (!(error instanceof RangeError))
            throw error;
        throw new NowPageError(`unknown time zone '${timeZone}'`, {
            input: 'time-zone',
            hint: 'Use an IANA name such as Europe/Berlin or Asia/Kolkata',
        });
    }
}
/** Milliseconds the zone's wall clock is ahead of UTC at instant `t`. */
function offsetAt(t, timeZone) {
    const [date, time] = localParts(t, timeZone);
    const wall = Date.parse(`${date}T${time}Z`);
    return wall - Math.floor(t / SECOND) * SECOND;
}
/**
 * The window the search covers: from 00:00 UTC of the UTC day holding `start` to the end of the
 * UTC day holding `now`. Whole UTC days keep the query a plain date range; merges outside
 * [start, now] are dropped by {@link inReadWindow}.
 */
function initialWindow(start, now) {
    const nowMs = now.getTime();
    if (Number.isNaN(nowMs))
        throw new Error('readActivity: `now` is not a valid date');
    if (Number.isNaN(start))
        throw new Error('readActivity: the window start is not a valid date');
    return { start: Math.floor(start / DAY) * DAY, end: Math.floor(nowMs / DAY) * DAY + DAY - SECOND };
}
/** Checks that the window [start of `since`, `now`] is not empty. */
function checkWindow(since, start, now) {
    if (start > now.getTime()) {
        throw new NowPageError(`since ${since} is after now (${now.toISOString()})`, {
            input: 'since',
            hint: 'Use a date in the past',
        });
    }
}
/** True when an instant is inside [start, now], both ends included. */
function inReadWindow(instant, start, now) {
    const t = Date.parse(instant);
    return !Number.isNaN(t) && t >= start && t <= now.getTime();
}
/** `<2025-05-26` for a UTC midnight, else `<2025-05-25T18:30:00Z`: merged before `start`. */
function mergedBefore(start) {
    return start % DAY === 0 ? `<${day(start)}` : `<${instant(start)}`;
}
/** ISO 8601 in whole seconds, `Z`. */
function isoSeconds(ms) {
    return instant(ms);
}
function isDayAligned(w) {
    return w.start % DAY === 0 && (w.end + SECOND) % DAY === 0;
}
/** `2025-05-26..2025-08-24` for whole days, else `2025-08-24T00:00:00Z..2025-08-24T11:59:59Z`. */
function mergedRange(w) {
    if (isDayAligned(w))
        return `${day(w.start)}..${day(w.end)}`;
    return `${instant(w.start)}..${instant(w.end)}`;
}
/**
 * Splits a window into two halves that together cover it exactly: at a day boundary while it
 * spans several whole days (the query stays a readable date range), else at the middle second.
 * Undefined for a single second, which cannot be split.
 */
function splitWindow(w) {
    if (isDayAligned(w)) {
        const days = (w.end + SECOND - w.start) / DAY;
        if (days >= 2) {
            const mid = w.start + Math.floor(days / 2) * DAY;
            return [
                { start: w.start, end: mid - SECOND },
                { start: mid, end: w.end },
            ];
        }
    }
    const seconds = (w.end - w.start) / SECOND;
    if (seconds < 1)
        return undefined;
    const mid = w.start + Math.floor(seconds / 2) * SECOND;
    return [
        { start: w.start, end: mid },
        { start: mid + SECOND, end: w.end },
    ];
}
function day(ms) {
    return new Date(ms).toISOString().slice(0, 10);
}
function instant(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
/**
 * What moved in each side project inside the window, in the order the projects were given. A
 * project the token cannot see is a warning; when none can be read the run fails, since the
 * page would lose its whole progress section.
 */
async function readProjects(client, options, log, limit = createLimit(4)) {
    const unique = new Map();
    for (const project of options.sideProjects) {
        if (!REPO.test(project.repo)) {
            throw new NowPageError(`'${project.repo}' is not an owner/name repository`, {
                input: 'side-projects',
                hint: 'List one owner/name per line, optionally followed by a progress pattern',
            });
        }
        const key = project.repo.toLowerCase();
        if (unique.has(key))
            log.warning(`side project ${project.repo} is listed twice; reading it once`);
        else
            unique.set(key, project);
    }
    if (unique.size === 0)
        return [];
    const start = startOfDay(options.since, options.timeZone);
    checkWindow(options.since, start, options.now);
    const read = await Promise.all([...unique.values()].map((project) => readProject(client, options, start, project, log, limit)));
    const projects = read.filter((p) => p !== undefined);
    if (projects.length === 0) {
        throw new NowPageError(`none of the side projects could be read: ${[...unique.values()].map((p) => p.repo).join(', ')}`, {
            input: 'side-projects',
            hint: 'Check the names; the token needs contents: read on each (another owner’s private repository needs a personal access token with access)',
        });
    }
    return projects;
}
async function readProject(client, options, start, project, log, limit) {
    const [owner = '', name = ''] = project.repo.split('/');
    const repo = { owner, repo: name };
    const withPaths = project.progressPattern !== undefined;
    try {
        // No `GET /repos/{owner}/{repo}` first: the commit listing and the trees endpoint both take
        // the default branch without being told its name (no `sha`, and `HEAD`), so every read of
        // a project goes out at once.
        const [{ commits, count }, paths, languages] = await Promise.all([
            readCommits(client, options, start, repo, log, limit),
            withPaths ? readTreePaths(client, repo, log, limit) : undefined,
            options.withLanguages
                ? limit(() => client.rest.repos.listLanguages(repo)).then((r) => r.data)
                : undefined,
        ]);
        log.info(`${project.repo}: ${count} commit(s) by ${options.author} since ${options.since}${paths ? `, ${paths.length} path(s) at the head of the default branch` : ''}`);
        return {
            repo: project.repo,
            url: `${(options.serverUrl ?? 'https://github.com').replace(/\/+$/, '')}/${project.repo}`,
            ...(withPaths ? { progressPattern: project.progressPattern } : {}),
            ...(paths ? { paths } : {}),
            ...(languages ? { languages } : {}),
            commits,
            ...(count > commits.length ? { commitCount: count } : {}),
        };
    }
    catch (error) {
        // 404 is also GitHub's answer for a private repository the token may not see; 403 comes
        // from a token that sees the repository but not its contents (a fine-grained token).
        const status = httpStatus(error);
        if (status !== 404 && status !== 403)
            throw error;
        const what = status === 404
            ? 'does not exist or the token cannot see it'
            : 'cannot be read with this token';
        const fix = `the token needs contents: read on it; for another owner's private repository use a personal access token with access`;
        log.warning(`side project ${project.repo} ${what} (HTTP ${status}); it is left off the page. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}`);
        options.onSkip?.({
            source: project.repo,
            reason: `side project ${what} (HTTP ${status}); ${fix}`,
        });
        return undefined;
    }
}
/**
 * The author's commits on the default branch inside the window, newest first, and how many there
 * are. The newest page of the branch's listing is filtered here rather than by `author=`, because
 * a commit whose email GitHub cannot link to an account (`author: null`) never matches
 * `author=LOGIN`. Such a commit is the author's when its email or name is one the author's linked
 * commits use: GitHub links by email, so after a switch to an email that is not on the account
 * only the name still ties the new commits to the old ones.
 *
 * A window longer than that page is not paged through (500 sequential pages for 50,000 commits):
 * the author's newest linked commits come in one page and their number from a `per_page=1`
 * listing's `rel="last"` link, both at once. Unlinked commits then count from the newest page.
 */
async function readCommits(client, options, start, repo, log, limit) {
    const login = options.author.toLowerCase();
    const since = isoSeconds(start);
    const window = { ...repo, since, until: options.now.toISOString() };
    const newest = await limit(() => client.rest.repos.listCommits({ ...window, per_page: 100 }));
    const identity = new AuthorIdentity(login);
    const mine = new NewestCommits(KEPT_COMMITS);
    // Unlinked commits are grouped by the identity they carry.
    const unlinked = new Map();
    for (const commit of newest.data) {
        const by = linkedLogin(commit);
        if (by === undefined) {
            const who = whoOf(commit);
            const key = `${who.email ?? ''}\n${who.name ?? ''}`;
            let group = unlinked.get(key);
            if (!group)
                unlinked.set(key, (group = { who, commits: new NewestCommits(KEPT_COMMITS) }));
            group.commits.add(slim(commit));
        }
        else if (by.toLowerCase() === login) {
            mine.add(slim(commit));
            identity.learn(whoOf(commit));
        }
    }
    let linkedCount;
    if (hasNextPage(newest.headers.link)) {
        const byAuthor = { ...window, author: options.author };
        const [linked, count] = await Promise.all([
            limit(() => client.rest.repos.listCommits({ ...byAuthor, per_page: 100 })),
            limit(() => client.rest.repos.listCommits({ ...byAuthor, per_page: 1 })).then(countOf),
        ]);
        for (const commit of linked.data) {
            if (linkedLogin(commit)?.toLowerCase() !== login)
                continue;
            mine.add(slim(commit));
            identity.learn(whoOf(commit));
        }
        linkedCount = count;
    }
    const adopted = await adoptUnlinked(client, options, since, repo, identity, unlinked, mine, limit);
    if (adopted > 0) {
        log.debug(`${repo.owner}/${repo.repo}: ${adopted} commit(s) without a linked account attributed to ${options.author} by email or name`);
    }
    const count = linkedCount === undefined ? mine.count : linkedCount + adopted;
    return { commits: mine.newest(), count };
}
/**
 * Moves the unlinked commits whose identity is the author's into `mine`; returns how many. Commits
 * nobody is linked to may be the author's under an identity used only before the window: it is
 * learnt from the author's last linked commits before `since` (one page).
 */
async function adoptUnlinked(client, options, since, repo, identity, unlinked, mine, limit) {
    const login = options.author.toLowerCase();
    let strangers = [...unlinked.values()].filter((g) => !identity.matches(g.who));
    if (strangers.length > 0) {
        const { data } = await limit(() => client.rest.repos.listCommits({
            ...repo,
            author: options.author,
            until: since,
            per_page: 100,
        }));
        for (const commit of data)
            if (linkedLogin(commit)?.toLowerCase() === login)
                identity.learn(whoOf(commit));
        strangers = strangers.filter((g) => !identity.matches(g.who));
    }
    let adopted = 0;
    for (const group of unlinked.values()) {
        if (strangers.includes(group))
            continue;
        adopted += group.commits.count;
        mine.merge(group.commits);
    }
    return adopted;
}
function hasNextPage(link) {
    return link !== undefined && /rel="next"/.test(link);
}
/** The length of a `per_page=1` listing: the page number its `rel="last"` link names. */
function countOf(response) {
    const last = /<([^>]+)>;\s*rel="last"/.exec(response.headers.link ?? '')?.[1];
    const page = last ? Number(new URL(last).searchParams.get('page')) : Number.NaN;
    return Number.isInteger(page) && page > 0 ? page : response.data.length;
}
/**
 * How many of a project's commits the activity lists (newest first); the page shows only the
 * count and the latest, and a bounded list keeps memory flat however long the history is.
 */
const KEPT_COMMITS = 100;
/** The newest `size` commits seen, and how many were seen in all. */
class NewestCommits {
    size;
    count = 0;
    items = [];
    seen = new Set();
    constructor(size) {
        this.size = size;
    }
    /** Adds a commit not seen before (the same one can come in two listings). */
    add(commit) {
        if (this.seen.has(commit.sha))
            return;
        this.seen.add(commit.sha);
        this.count++;
        this.items.push({ ...commit, at: Date.parse(commit.date) });
        // Trimmed in batches: sorting on every add would be quadratic on a long history.
        if (this.items.length >= this.size * 2)
            this.trim();
    }
    merge(other) {
        this.count += other.count;
        this.items.push(...other.items);
        this.trim();
    }
    newest() {
        this.trim();
        return this.items.map(({ at: _at, ...commit }) => commit);
    }
    trim() {
        this.items.sort((a, b) => b.at - a.at);
        this.items.length = Math.min(this.items.length, this.size);
    }
}
function slim(c) {
    return { sha: c.sha, message: c.commit.message, date: commitDate(c), url: c.html_url };
}
function whoOf(commit) {
    const email = commit.commit.author?.email?.trim().toLowerCase();
    const name = commit.commit.author?.name?.trim().toLowerCase();
    return { ...(email ? { email } : {}), ...(name ? { name } : {}) };
}
/**
 * The file paths at the head of the default branch, from one recursive tree read. They are all
 * a progress pattern needs: the head holds every chapter done so far, so the files each commit
 * changed (one request per commit) would add nothing.
 */
async function readTreePaths(client, repo, log, limit) {
    let tree;
    try {
        tree = (await limit(() => client.rest.git.getTree({ ...repo, tree_sha: 'HEAD', recursive: 'true' }))).data;
    }
    catch (error) {
        // 409: the repository is empty, so there is nothing to match yet.
        if (httpStatus(error) === 409)
            return [];
        throw error;
    }
    if (tree.truncated) {
        log.warning(`${repo.owner}/${repo.repo}: GitHub truncated the file tree of the default branch; progress may miss files`);
    }
    return tree.tree
        .filter((entry) => entry.type === 'blob' && entry.path !== undefined)
        .map((entry) => entry.path)
        .sort();
}
function linkedLogin(commit) {
    const author = commit.author;
    return author && 'login' in author && typeof author.login === 'string' ? author.login : undefined;
}
function commitDate(commit) {
    return commit.commit.committer?.date ?? commit.commit.author?.date ?? '';
}
/** The emails and names the author's linked commits carry. */
class AuthorIdentity {
    emails = new Set();
    names = new Set();
    noreply;
    constructor(login) {
        // `login@users.noreply.github.com`, or `ID+login@...`; GHES uses its own host after it.
        this.noreply = new RegExp(`^(?:\\d+\\+)?${escapeRegExp(login)}@users\\.noreply\\.`, 'i');
    }
    learn(who) {
        if (who.email)
            this.emails.add(who.email);
        if (who.name)
            this.names.add(who.name);
    }
    matches(who) {
        return Boolean((who.email && (this.emails.has(who.email) || this.noreply.test(who.email))) ||
            (who.name && this.names.has(who.name)));
    }
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
/**
 * Which upstream repositories count. Globs are case-insensitive because GitHub names are.
 * `exclude-orgs` takes owner names or globs (`rancher`, `suse-*`); `rancher/*` is accepted too,
 * as it says the same thing. Plain names are compared as they are; picomatch loads only for a
 * pattern with wildcards, which most runs do not have.
 */
async function createRepoFilter(options) {
    const author = options.author.toLowerCase();
    const globs = [...options.includeRepos, ...options.excludeRepos, ...options.excludeOrgs];
    const picomatch = globs.some((g) => g.trim() !== '' && !isLiteralGlob(g.trim()))
        ? (await import('./picomatch.js').then(function (n) { return n.i; })).default
        : undefined;
    const matcher = (glob) => {
        if (isLiteralGlob(glob)) {
            const name = glob.toLowerCase();
            return (candidate) => candidate.toLowerCase() === name;
        }
        if (!picomatch)
            throw new Error('createRepoFilter: picomatch is not loaded');
        const match = picomatch(glob, { nocase: true, dot: true });
        return (name) => match(name);
    };
    const repoGlobs = (list, input) => list
        .map((g) => g.trim())
        .filter((g) => g !== '')
        .map((glob) => {
        if (!glob.includes('/')) {
            throw new NowPageError(`'${glob}' is not an owner/name repository pattern`, {
                input,
                hint: `Write it as owner/name or owner/*${input === 'exclude-repos' ? ', or list the owner under exclude-orgs' : ''}`,
            });
        }
        return { glob, test: matcher(glob) };
    });
    const include = repoGlobs(options.includeRepos, 'include-repos');
    const exclude = repoGlobs(options.excludeRepos, 'exclude-repos');
    const orgs = options.excludeOrgs
        .map((g) => g.trim().replace(/\/\*{1,2}$/, ''))
        .filter((g) => g !== '')
        .map((glob) => {
        if (glob.includes('/')) {
            throw new NowPageError(`'${glob}' is not an organization or user name`, {
                input: 'exclude-orgs',
                hint: 'List repositories under exclude-repos',
            });
        }
        return { glob, test: matcher(glob) };
    });
    return {
        plainExcludedOwners: orgs.map((o) => o.glob).filter((g) => LOGIN.test(g)),
        rejection(fullName) {
            const owner = fullName.split('/')[0] ?? '';
            if (owner.toLowerCase() === author)
                return 'the author owns it';
            const org = orgs.find((o) => o.test(owner));
            if (org)
                return `exclude-orgs '${org.glob}'`;
            const repo = exclude.find((r) => r.test(fullName));
            if (repo)
                return `exclude-repos '${repo.glob}'`;
            if (include.length > 0 && !include.some((r) => r.test(fullName))) {
                return 'not in include-repos';
            }
            return undefined;
        },
    };
}

export { KEPT_COMMITS as K, createRepoFilter as a, mergedBefore as b, checkWindow as c, createLimit as d, splitWindow as e, inReadWindow as f, hostsOf as g, httpStatus as h, initialWindow as i, forgeScope as j, requestsAllOut as k, limitedPages as l, mergedRange as m, createClient as n, isoSeconds as o, literalRepos as p, readProjects as r, startOfDay as s, transport as t, unreachableCode as u };
