-- Drives the bundled Conduct Lens server from Neovim's own LSP client (0.7 or later), headless,
-- on the policy in the current buffer. Neovim 0.7 has no pull diagnostics, so this also
-- checks that the server pushes them to a client that cannot pull.
-- Run through run.sh, which sets CONDUCT_SERVER to dist/server/server.js.
local TIMEOUT_MS = tonumber(vim.env.CONDUCT_TIMEOUT_MS or '') or 15000
local PLACEHOLDER = '[INSERT CONTACT METHOD]'
local RUNG = '### 2. Warning'

local passed, failed = 0, 0

local function say(line)
  io.stdout:write(line, '\n')
end

local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    say('PASS ' .. name)
  else
    failed = failed + 1
    say('FAIL ' .. name .. (detail and (': ' .. detail) or ''))
  end
end

-- The 0-based line and byte column of the first plain-text occurrence of `needle`.
local function find(bufnr, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return i - 1, col - 1 end
  end
  error('the fixture has no ' .. needle)
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function run()
  vim.lsp.set_log_level('ERROR')
  local server = vim.env.CONDUCT_SERVER
  assert(server and server ~= '', 'CONDUCT_SERVER is not set: run this through test/nvim/run.sh')
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'

  local exit_code
  local client_id = vim.lsp.start_client({
    name = 'conduct-lens',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h'),
    on_exit = function(code) exit_code = code end,
  })
  check('the client starts the server', client_id ~= nil)
  if not client_id then return end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local initialized = vim.wait(TIMEOUT_MS, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end, 20)
  check('the server initializes', initialized)

  -- Other rules may report on the fixture too; these checks are about the placeholder.
  local function placeholders()
    return vim.tbl_filter(function(d)
      return code_of(d) == 'unfilled-placeholder' or (d.message or ''):find(PLACEHOLDER, 1, true) ~= nil
    end, vim.diagnostic.get(bufnr))
  end
  local pushed = vim.wait(TIMEOUT_MS, function() return #placeholders() > 0 end, 20)
  check('the server pushes diagnostics after didOpen', pushed, vim.inspect(vim.diagnostic.get(bufnr)))

  local found = placeholders()
  local line, col = find(bufnr, PLACEHOLDER)
  local d = found[1] or {}
  check('exactly one diagnostic for the placeholder', #found == 1, vim.inspect(found))
  check('its message names ' .. PLACEHOLDER, (d.message or ''):find(PLACEHOLDER, 1, true) ~= nil, d.message)
  check('it sits on 0-based line ' .. line .. ', column ' .. col, d.lnum == line and d.col == col,
    string.format('got %s:%s', tostring(d.lnum), tostring(d.col)))
  check('its code is unfilled-placeholder', code_of(d) == 'unfilled-placeholder', tostring(code_of(d)))
  check('it is an error from source conduct', d.severity == vim.diagnostic.severity.ERROR and d.source == 'conduct',
    string.format('severity %s, source %s', tostring(d.severity), tostring(d.source)))

  local rung_line = find(bufnr, RUNG)
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = rung_line, character = 7 },
  }, TIMEOUT_MS)
  local hover = responses and responses[client_id] and responses[client_id].result
  local contents = hover and hover.contents
  local text = type(contents) == 'table' and (contents.value or '') or tostring(contents)
  check('hovering "' .. RUNG .. '" explains rung 2 of 4', text:find('rung 2 of 4', 1, true) ~= nil, vim.inspect(responses))
  check('the hover covers the heading line', hover ~= nil and hover.range ~= nil and hover.range.start.line == rung_line,
    vim.inspect(hover and hover.range))

  vim.lsp.stop_client(client_id)
  local stopped = vim.wait(TIMEOUT_MS, function() return exit_code ~= nil end, 20)
  check('the server exits with code 0 after shutdown', stopped and exit_code == 0, 'exit code ' .. tostring(exit_code))
end

local ok, err = xpcall(run, debug.traceback)
check('the script runs to the end', ok, err)
say(string.format('nvim: %d passed, %d failed', passed, failed))
vim.cmd(failed == 0 and 'qall!' or 'cquit! 1')
