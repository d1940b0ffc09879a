const { Server } = require("socket.io");

const io = new Server(3000, { maxHttpBufferSize: 64 * 1024 });

io.on("connection", (socket) => {
  socket.on("chat:post", (message) => {
    io.emit("chat:post", message);
  });
});
