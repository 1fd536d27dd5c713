/* global window */
// Runs one SkylinkJS join inside the page and records the SDK's own events, in the order the
// SDK fires them. Plain ES5-style JavaScript, served as is: it must run next to either SDK
// build without a bundler, and it must not depend on helpers a TypeScript transform adds.
(function () {
  'use strict';

  var SETTLE_MS = 400;

  function describeError(error) {
    if (error === null || error === undefined) return null;
    var content = error.content;
    var text =
      content && content.message ? content.message : String(content === undefined ? '' : content);

    return { status: error.status, errorCode: error.errorCode, content: text };
  }

  function messageOf(error) {
    if (error === null || error === undefined) return '';
    if (typeof error === 'string') return error;

    return error.message ? String(error.message) : String(error);
  }

  function roomNameOf(room) {
    if (room === null || room === undefined) return null;
    if (typeof room === 'string') return room;

    return room.roomName || room.name || null;
  }

  function createRecorder(deadlineMs, stayAfterJoinMs, resolve) {
    var startedAt = Date.now();
    var events = [];
    var finished = false;
    var settleTimer = null;

    function finish(reason) {
      if (finished) return;
      finished = true;
      resolve({ events: events, endedBy: reason, elapsedMs: Date.now() - startedAt });
    }

    var deadline = setTimeout(function () {
      finish('deadline');
    }, deadlineMs);

    // A terminal event ends the run after a short settle, so trailing events still count.
    function terminal(reason) {
      if (finished || settleTimer !== null) return;
      settleTimer = setTimeout(function () {
        clearTimeout(deadline);
        finish(reason);
      }, SETTLE_MS);
    }

    return {
      record: function (event) {
        if (finished) return;
        event.t = Date.now() - startedAt;
        events.push(event);
      },
      // A join ends the run, unless the run stays in the room to see what the server sends.
      joined: function () {
        if (stayAfterJoinMs > 0) {
          setTimeout(function () {
            terminal('stayed');
          }, stayAfterJoinMs);
        } else {
          terminal('joined');
        }
      },
      terminal: terminal,
    };
  }

  function run06(config, recorder) {
    var skylink = new window.Skylink();

    skylink.on('readyStateChange', function (state, error, room) {
      recorder.record({
        type: 'readyStateChange',
        state: state,
        error: describeError(error),
        room: roomNameOf(room),
      });
      if (state === -1) recorder.terminal('error');
    });
    skylink.on('systemAction', function (action, info, reason) {
      recorder.record({ type: 'systemAction', action: action, reason: reason, info: String(info) });
      if (action === 'reject') recorder.terminal('rejected');
    });
    skylink.on('channelOpen', function () {
      recorder.record({ type: 'channelOpen' });
    });
    skylink.on('channelClose', function () {
      recorder.record({ type: 'channelClose' });
    });
    skylink.on('channelError', function (error) {
      recorder.record({ type: 'channelError', message: messageOf(error) });
    });
    skylink.on('socketError', function (errorCode, error, fallbackType) {
      recorder.record({
        type: 'socketError',
        errorCode: errorCode,
        fallbackType: fallbackType || null,
        message: messageOf(error),
      });
      if (errorCode === -3) recorder.terminal('aborted');
    });
    skylink.on('peerJoined', function (peerId, peerInfo, isSelf) {
      if (!isSelf) return;
      recorder.record({ type: 'peerJoined' });
      recorder.joined();
    });

    var options = {
      appKey: config.appKey,
      defaultRoom: config.room,
      roomServer: config.roomServer,
      forceSSL: false,
      enableStatsGathering: false,
      apiTimeout: config.apiTimeoutMs,
      socketTimeout: config.socketTimeoutMs,
    };
    if (config.credentials) options.credentials = config.credentials;

    // As an app does: join only once init() has succeeded. joinRoom() runs init() again for
    // the room, so a successful run shows two INIT → LOADING → COMPLETED cycles.
    skylink.init(options, function (error) {
      if (error) {
        recorder.record({
          type: 'callback',
          name: 'init',
          errorCode: error.errorCode,
          status: error.status,
        });
        return;
      }
      skylink.joinRoom(config.room, {}, function (joinError) {
        recorder.record({
          type: 'callback',
          name: 'joinRoom',
          ok: !joinError,
          message: joinError ? messageOf(joinError.error) : '',
        });
      });
    });
  }

  function run2x(config, recorder) {
    var names = window.SkylinkEvents;
    // 2.x hands each listener `{ detail: {...} }`: its event objects nest the payload once more.
    function on(name, listener) {
      window.SkylinkEventManager.addEventListener(name, function (event) {
        listener(event && event.detail ? event.detail : {});
      });
    }

    on(names.READY_STATE_CHANGE, function (detail) {
      recorder.record({
        type: 'readyStateChange',
        state: detail.readyState,
        error: describeError(detail.error),
        room: roomNameOf(detail.room),
      });
      if (detail.readyState === -1) recorder.terminal('error');
    });
    on(names.SYSTEM_ACTION, function (detail) {
      recorder.record({
        type: 'systemAction',
        action: detail.action,
        reason: detail.reason,
        info: String(detail.info),
      });
      if (detail.action === 'reject') recorder.terminal('rejected');
    });
    on(names.CHANNEL_OPEN, function () {
      recorder.record({ type: 'channelOpen' });
    });
    on(names.CHANNEL_CLOSE, function () {
      recorder.record({ type: 'channelClose' });
    });
    on(names.CHANNEL_ERROR, function (detail) {
      recorder.record({ type: 'channelError', message: messageOf(detail.error) });
    });
    on(names.SOCKET_ERROR, function (detail) {
      recorder.record({
        type: 'socketError',
        errorCode: detail.errorCode,
        fallbackType: detail.type || null,
        message: messageOf(detail.error),
      });
      if (detail.errorCode === -3) recorder.terminal('aborted');
    });
    on(names.PEER_JOINED, function (detail) {
      if (!detail.isSelf) return;
      recorder.record({ type: 'peerJoined' });
      recorder.joined();
    });

    var options = {
      appKey: config.appKey,
      defaultRoom: config.room,
      roomServer: config.roomServer,
      forceSSL: false,
      enableStatsGathering: false,
      socketTimeout: config.socketTimeoutMs,
    };
    if (config.credentials) options.credentials = config.credentials;

    try {
      var skylink = new window.Skylink(options);
      skylink
        .joinRoom({ roomName: config.room, audio: false, video: false })
        .catch(function (error) {
          recorder.record({
            type: 'callback',
            name: 'joinRoom',
            ok: false,
            message: messageOf(error),
          });
        });
    } catch (error) {
      recorder.record({
        type: 'callback',
        name: 'constructor',
        ok: false,
        message: messageOf(error),
      });
      recorder.terminal('threw');
    }
  }

  window.runConformance = function (config) {
    return new Promise(function (resolve) {
      var recorder = createRecorder(config.deadlineMs, config.stayAfterJoinMs, resolve);
      if (config.sdk === '0.6.37') run06(config, recorder);
      else run2x(config, recorder);
    });
  };
})();
