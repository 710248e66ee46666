-- Run by tests/server/test_neovim.py inside `nvim --headless`: start the
-- copydesk server through Neovim's own LSP client on the current buffer,
-- type a line without saving, wait for diagnostics and print one line each:
-- "LINE:COL:CODE:MESSAGE" (0-based line and column, as Neovim keeps them).
local cmd = vim.fn.json_decode(os.getenv("COPYDESK_SERVER_CMD"))
local expected = tonumber(os.getenv("COPYDESK_EXPECTED"))
local buf = vim.api.nvim_get_current_buf()
local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ":p:h")

local config = { name = "copydesk", cmd = cmd, root_dir = root }
local client_id
if vim.lsp.start then -- Neovim 0.8 and later
  client_id = vim.lsp.start(config)
else -- Neovim 0.7 (Debian 12)
  client_id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(buf, client_id)
end

-- An unsaved edit: the server must lint the buffer, not the file.
vim.api.nvim_buf_set_lines(buf, -1, -1, false, { "The mayor of Kiev spoke on Monday." })

local function code_of(d)
  if d.code then
    return d.code
  end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code or "?"
end

local done = vim.wait(20000, function()
  return #vim.diagnostic.get(buf) >= expected
end, 50)

-- Let a late publication of the same version settle before reading.
vim.wait(300)
local found = vim.diagnostic.get(buf)
table.sort(found, function(a, b)
  return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
end)
for _, d in ipairs(found) do
  io.stdout:write(string.format("%d:%d:%s:%s\n", d.lnum, d.col, code_of(d), d.message))
end
if not done then
  io.stdout:write("TIMEOUT\n")
end
vim.lsp.stop_client(client_id)
vim.wait(2000, function()
  return vim.lsp.get_client_by_id(client_id) == nil
end, 50)
vim.cmd("qa!")
